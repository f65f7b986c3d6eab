package org.skillshelf.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code limit} failed logins for one key (a client address or
 * an account name) within a sliding window, that key is refused until the oldest failure leaves the
 * window. Only a bounded number of keys is remembered (the stalest go first), so the throttle
 * itself cannot be used to fill memory.
 *
 * <pre>{@code
 * LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(5), 10_000);
 * throttle.blockedFor("ip:192.0.2.1");   // Optional.empty() until five failures
 * }</pre>
 */
public final class LoginThrottle {
  private final Clock clock;
  private final int limit;
  private final Duration window;
  private final int capacity;
  private final Map<String, Deque<Instant>> failures;

  public LoginThrottle(Clock clock, int limit, Duration window, int capacity) {
    if (limit < 1 || window.isNegative() || window.isZero() || capacity < 1) {
      throw new IllegalArgumentException("a login throttle needs a positive limit, window and capacity");
    }
    this.clock = clock;
    this.limit = limit;
    this.window = window;
    this.capacity = capacity;
    // Access order, so that the key touched least recently is the first to be forgotten.
    this.failures = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** How long this key must wait before trying again; empty when it may try now. */
  public synchronized Optional<Duration> blockedFor(String key) {
    Instant now = clock.instant();
    Deque<Instant> recent = failures.get(key);
    if (recent == null) {
      return Optional.empty();
    }
    forgetOld(recent, now);
    if (recent.isEmpty()) {
      failures.remove(key);
      return Optional.empty();
    }
    if (recent.size() < limit) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
  }

  /** Counts a failed login against the key. */
  public synchronized void failed(String key) {
    Instant now = clock.instant();
    Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    forgetOld(recent, now);
    recent.addLast(now);
    while (recent.size() > limit) {
      recent.removeFirst();
    }
    while (failures.size() > capacity) {
      failures.remove(failures.keySet().iterator().next());
    }
  }

  /** Forgets the failures of a key (after a successful login to that account). */
  public synchronized void succeeded(String key) {
    failures.remove(key);
  }

  private void forgetOld(Deque<Instant> recent, Instant now) {
    while (!recent.isEmpty() && !now.isBefore(recent.peekFirst().plus(window))) {
      recent.removeFirst();
    }
  }
}
