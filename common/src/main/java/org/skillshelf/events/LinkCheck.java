package org.skillshelf.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The result of checking one catalogue link once. Keyed by {@code resourceId}. */
public record LinkCheck(
    int v,
    String resourceId,
    String url,
    CheckOutcome outcome,
    int status,
    @Nullable String finalUrl,
    long latencyMs,
    @Nullable String detail,
    Instant checkedAt) {
  public static final int VERSION = 1;
}
