package org.skillshelf.linkcheck.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkHealth.PastCheck;
import org.skillshelf.events.LinkState;

/**
 * How checks move a link's health. A success makes it HEALTHY. Any failure makes it at least
 * DEGRADED. Only hard failures (the resource is gone: 404, 410, DNS failure, soft 404, changed
 * content) count towards BROKEN, and only once there are {@code brokenAfter} of them in a row that
 * also span {@code minSpan}: a timeout, a 429, a 5xx or a bot wall says the site is struggling or
 * shy, not that the resource is gone, so on their own they never break a link.
 *
 * @param brokenAfter consecutive hard failures before BROKEN
 * @param minSpan the least time between the first and the latest of those failures
 */
public record HealthRules(int brokenAfter, Duration minSpan) {

  public LinkHealth apply(@Nullable LinkHealth previous, LinkCheck check) {
    List<PastCheck> history = new ArrayList<>(LinkHealth.HISTORY);
    history.add(PastCheck.of(check));
    if (previous != null) {
      history.addAll(previous.history().subList(0, Math.min(previous.history().size(), LinkHealth.HISTORY - 1)));
    }
    if (check.outcome().isSuccess()) {
      return new LinkHealth(LinkHealth.VERSION, check.resourceId(), check.url(), LinkState.HEALTHY, 0, null,
          check.checkedAt(), check.checkedAt(), check, history, null);
    }
    int failures = previous == null ? 1 : previous.consecutiveFailures() + 1;
    var firstFailure = previous == null || previous.firstFailureAt() == null ? check.checkedAt() : previous.firstFailureAt();
    int hardInARow = hardFailuresInARow(history);
    boolean spans = !Duration.between(firstHardOfRun(history, hardInARow), check.checkedAt()).minus(minSpan).isNegative();
    LinkState state = hardInARow >= brokenAfter && spans ? LinkState.BROKEN
        : previous != null && previous.state() == LinkState.BROKEN && !check.outcome().isHardFailure() ? LinkState.BROKEN
        : LinkState.DEGRADED;
    return new LinkHealth(LinkHealth.VERSION, check.resourceId(), check.url(), state, failures, firstFailure,
        check.checkedAt(), previous == null ? null : previous.lastOkAt(), check, history, null);
  }

  /**
   * When the link last became BROKEN, replaying its kept history through these rules; empty when
   * it is not BROKEN now (or became so before the oldest kept check).
   */
  public java.util.Optional<java.time.Instant> brokenSince(LinkHealth health) {
    if (health.state() != LinkState.BROKEN) {
      return java.util.Optional.empty();
    }
    LinkHealth replay = null;
    java.time.Instant since = null;
    for (PastCheck past : health.history().reversed()) {
      LinkState before = replay == null ? LinkState.UNCHECKED : replay.state();
      replay = apply(replay, past.of(health.resourceId(), health.url()));
      if (replay.state() == LinkState.BROKEN && before != LinkState.BROKEN) {
        since = past.checkedAt();
      }
    }
    return java.util.Optional.ofNullable(since);
  }

  /** Hard failures since the last success, ignoring transient failures in between. */
  private static int hardFailuresInARow(List<PastCheck> newestFirst) {
    int count = 0;
    for (PastCheck check : newestFirst) {
      if (check.outcome().isSuccess()) {
        break;
      }
      if (check.outcome().isHardFailure()) {
        count++;
      }
    }
    return count;
  }

  private static java.time.Instant firstHardOfRun(List<PastCheck> newestFirst, int hardInARow) {
    int seen = 0;
    java.time.Instant first = newestFirst.getFirst().checkedAt();
    for (PastCheck check : newestFirst) {
      if (seen == hardInARow) {
        break;
      }
      if (check.outcome().isHardFailure()) {
        first = check.checkedAt();
        seen++;
      }
    }
    return first;
  }
}
