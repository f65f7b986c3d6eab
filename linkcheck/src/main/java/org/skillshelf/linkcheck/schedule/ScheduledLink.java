package org.skillshelf.linkcheck.schedule;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a catalogue link is checked next.
 *
 * @param requestedAt when the last check request was sent and not yet answered; a request
 *     unanswered for too long is sent again
 */
public record ScheduledLink(int v, String resourceId, String url, long fingerprint, Instant nextCheckAt,
    @Nullable Instant requestedAt) {
  public static final int VERSION = 1;

  ScheduledLink due(Instant next) {
    return new ScheduledLink(v, resourceId, url, fingerprint, next, null);
  }

  ScheduledLink requested(Instant at, Instant next) {
    return new ScheduledLink(v, resourceId, url, fingerprint, next, at);
  }
}
