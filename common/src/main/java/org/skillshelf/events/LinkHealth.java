package org.skillshelf.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current health of one catalogue link and its recent checks (newest first, at most {@link
 * #HISTORY}). The link-health topic is compacted and keyed by {@code resourceId}.
 */
public record LinkHealth(
    int v,
    String resourceId,
    String url,
    LinkState state,
    int consecutiveFailures,
    @Nullable Instant firstFailureAt,
    @Nullable Instant lastCheckedAt,
    @Nullable Instant lastOkAt,
    @Nullable LinkCheck lastOutcome,
    List<LinkCheck> history) {
  public static final int VERSION = 1;
  public static final int HISTORY = 30;

  public LinkHealth {
    history = List.copyOf(history);
  }
}
