package org.skillshelf.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A suggestion of a resource, accepted by ingest. Keyed by {@code resourceId} on the submissions
 * topic so that every suggestion of one resource lands on one partition, in order.
 *
 * @param autoPublishBy the curator who bulk-imported it with {@code publish=true}, or null when it
 *     must be reviewed
 */
public record SubmissionReceived(
    int v,
    String submissionId,
    String resourceId,
    String url,
    String canonicalUrl,
    @Nullable String note,
    List<String> skills,
    @Nullable Submitter submitter,
    String channel,
    @Nullable String autoPublishBy,
    @Nullable String title,
    Instant at) {
  public static final int VERSION = 1;

  public SubmissionReceived {
    skills = List.copyOf(skills);
  }
}
