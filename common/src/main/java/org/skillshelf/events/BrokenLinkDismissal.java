package org.skillshelf.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A curator's word that a record in the broken-links queue needs nothing done: the link is fine
 * after all, or the reports were mistaken. It covers the link's current breakage (identified by
 * {@code brokenSince}, the health's first failure) and the readers' reports made before {@code
 * at}; a new breakage or a new report puts the record back in the queue. Keyed by {@code
 * resourceId} on the link-dismissals topic.
 *
 * @param url the link the curator looked at; a dismissal of an older link does not cover a new one
 * @param brokenSince the link health's {@code firstFailureAt} when dismissed, or null if not broken then
 */
public record BrokenLinkDismissal(int v, String dismissalId, String resourceId, String url,
    @Nullable Instant brokenSince, @Nullable String note, String curator, Instant at) {
  public static final int VERSION = 1;
}
