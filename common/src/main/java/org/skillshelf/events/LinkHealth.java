package org.skillshelf.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current health of one catalogue link and its recent checks (newest first, at most {@link
 * #HISTORY}). The link-health topic is compacted and keyed by {@code resourceId}. It carries a
 * link's health when the health changes (its state, run of failures or outcome), not after every
 * check: the check times and history in its record may be older than linkcheck's own store, which
 * {@code /api/link-health} serves.
 *
 * <p>Version 2 keeps the history as {@link PastCheck}s, which leave out the link's id and address
 * that the health already names: a full history was about 7.4 KB of JSON, written twice (store and
 * topic) and read once for every check. Version 1 records read as version 2 (the repeated fields
 * are ignored).
 *
 * <p>{@code nextCheckAt} is when the schedule means to check the link again (null in records
 * written before it was kept, and in a health that no check has made yet).
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
    List<PastCheck> history,
    @Nullable Instant nextCheckAt) {
  public static final int VERSION = 2;
  public static final int HISTORY = 30;

  public LinkHealth {
    history = List.copyOf(history);
  }

  /** This health, to be checked again at {@code next}. */
  public LinkHealth withNextCheckAt(Instant next) {
    return new LinkHealth(v, resourceId, url, state, consecutiveFailures, firstFailureAt, lastCheckedAt, lastOkAt, lastOutcome,
        history, next);
  }

  /** One earlier check of the link, without the link's id and address. */
  public record PastCheck(CheckOutcome outcome, int status, @Nullable String finalUrl, long latencyMs, @Nullable String detail,
      Instant checkedAt) {
    public static PastCheck of(LinkCheck check) {
      return new PastCheck(check.outcome(), check.status(), check.finalUrl(), check.latencyMs(), check.detail(), check.checkedAt());
    }

    /** The check as it was made of the link with this id and address. */
    public LinkCheck of(String resourceId, String url) {
      return new LinkCheck(LinkCheck.VERSION, resourceId, url, outcome, status, finalUrl, latencyMs, detail, checkedAt);
    }
  }
}
