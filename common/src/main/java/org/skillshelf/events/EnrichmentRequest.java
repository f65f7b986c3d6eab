package org.skillshelf.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Work for the enrich stage: the first suggestion of a resource, or a curator's request to enrich it
 * again. Keyed by {@code resourceId}.
 */
public record EnrichmentRequest(
    int v,
    String resourceId,
    String canonicalUrl,
    String submissionId,
    List<String> submitterSkills,
    @Nullable String autoPublishBy,
    @Nullable String titleHint,
    Instant at) {
  public static final int VERSION = 1;

  public EnrichmentRequest {
    submitterSkills = List.copyOf(submitterSkills);
  }
}
