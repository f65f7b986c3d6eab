package org.skillshelf.fetch;

import java.time.Duration;
import java.util.Optional;
import org.skillshelf.fetch.FetchFailure.Reason;

/**
 * Runs an {@link Exchange} up to {@code maxAttempts} times, holding a per-host permit for each
 * try, and waiting between tries as the server asked or by backoff.
 *
 * <p>Retried: 429, most 5xx, timeouts and failed connections. When the last try still answers 5xx
 * or 429, that answer is the result; when the server asks to wait longer than {@link
 * RetrySchedule#MAX_WAIT} or than the time left, the answer is kept instead of waiting.
 */
final class RetryingExchange {
  /** An answer and how many tries it took. */
  record Outcome(Answer answer, int attempts) {}

  private final Exchange exchange;
  private final HostPermits permits;
  private final RetrySchedule schedule;
  private final FailureClassifier classifier;
  private final int maxAttempts;

  RetryingExchange(Exchange exchange, HostPermits permits, RetrySchedule schedule, FailureClassifier classifier, int maxAttempts) {
    this.exchange = exchange;
    this.permits = permits;
    this.schedule = schedule;
    this.classifier = classifier;
    this.maxAttempts = maxAttempts;
  }

  Outcome perform(FetchTarget target, HttpMethod method, boolean followingRedirects, Deadline deadline) throws FetchFailure {
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= maxAttempts;
      Answer answer;
      try {
        answer = once(target, method, followingRedirects, deadline);
      } catch (FetchFailure failure) {
        Duration wait = schedule.backoff(attempt);
        if (last || !failure.isTransient() || !deadline.allows(wait)) {
          throw failure;
        }
        pause(wait);
        continue;
      }
      Optional<Duration> wait = last || !answer.asksForRetry() ? Optional.empty() : waitBeforeRetry(answer, attempt, deadline);
      if (wait.isEmpty()) {
        return new Outcome(answer, attempt);
      }
      pause(wait.get());
    }
  }

  private Answer once(FetchTarget target, HttpMethod method, boolean followingRedirects, Deadline deadline) throws FetchFailure {
    try (HostPermits.Permit permit = permits.acquire(target.host(), deadline.remaining())) {
      return exchange.perform(target, method, followingRedirects, deadline);
    } catch (HostPermits.PermitTimeout e) {
      throw classifier.totalTimeout();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailure(Reason.CONNECTION_FAILED, "the fetch was cancelled");
    }
  }

  /** How long to wait before asking again, or empty to keep this answer. */
  private Optional<Duration> waitBeforeRetry(Answer answer, int attempt, Deadline deadline) {
    Optional<Duration> asked = answer.header("retry-after").flatMap(schedule::retryAfter);
    Duration wait = asked.orElseGet(() -> schedule.backoff(attempt));
    if (wait.compareTo(RetrySchedule.MAX_WAIT) > 0 || !deadline.allows(wait)) {
      return Optional.empty();
    }
    return Optional.of(wait);
  }

  private static void pause(Duration wait) throws FetchFailure {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailure(Reason.CONNECTION_FAILED, "the fetch was cancelled");
    }
  }
}
