package org.skillshelf.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reader's report that a published resource's link does not work, for curators to look at (and
 * for link checking to check sooner). Keyed by {@code resourceId} on the link-reports topic. Who
 * reported it is not recorded.
 *
 * @param note what the reader saw, at most 1,000 characters
 */
public record BrokenLinkReport(int v, String reportId, String resourceId, String url, @Nullable String note,
    Instant at) {
  public static final int VERSION = 1;
}
