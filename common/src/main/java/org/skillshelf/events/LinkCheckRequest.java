package org.skillshelf.events;

import java.time.Instant;

/** A link due for a check, emitted by the scheduler. Keyed by {@code resourceId}. */
public record LinkCheckRequest(
    int v, String resourceId, String url, long fingerprint, Instant dueAt) {
  public static final int VERSION = 1;
}
