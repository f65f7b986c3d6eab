package org.skillshelf.ingest.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many suggestions one client address may make per window ({@code SKILLSHELF_SUBMIT_RATE}),
 * counted in fixed windows that start with the client's first request. The table of clients is
 * bounded: when it is full, finished windows are dropped first and then the oldest ones, so a flood
 * of addresses costs memory only up to the bound.
 *
 * <pre>{@code
 * var limit = new SubmissionRateLimit(30, Duration.ofMinutes(1), Clock.systemUTC());
 * limit.take("203.0.113.7"); // empty when allowed, else how long to wait
 * }</pre>
 */
public final class SubmissionRateLimit {
  static final int MAX_CLIENTS = 50_000;

  private final int allowed;
  private final Duration window;
  private final Clock clock;
  private final int maxClients;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** @param allowed suggestions per window; 0 means unlimited */
  public SubmissionRateLimit(int allowed, Duration window, Clock clock) {
    this(allowed, window, clock, MAX_CLIENTS);
  }

  SubmissionRateLimit(int allowed, Duration window, Clock clock, int maxClients) {
    if (allowed < 0 || (allowed > 0 && (window.isZero() || window.isNegative()))) {
      throw new IllegalArgumentException("a rate limit needs a count of at least 0 and a positive window");
    }
    this.allowed = allowed;
    this.window = window;
    this.clock = clock;
    this.maxClients = maxClients;
  }

  public boolean unlimited() {
    return allowed == 0;
  }

  /**
   * Counts one suggestion by {@code client}.
   *
   * @return empty when it is allowed; otherwise how long until the client's window ends
   */
  public Optional<Duration> take(String client) {
    if (unlimited()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!windows.containsKey(client) && windows.size() >= maxClients) {
      makeRoom(now);
    }
    Window counted = windows.compute(client, (key, current) ->
        current == null || !now.isBefore(current.end()) ? new Window(now.plus(window), 1) : current.plusOne());
    if (counted.count() <= allowed) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, counted.end()));
  }

  int clients() {
    return windows.size();
  }

  private synchronized void makeRoom(Instant now) {
    windows.values().removeIf(w -> !now.isBefore(w.end()));
    int excess = windows.size() - maxClients + 1;
    if (excess > 0) {
      // Dropping the windows that end first forgets the least of what is being limited.
      windows.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().end())).limit(excess)
          .map(Map.Entry::getKey).toList().forEach(windows::remove);
    }
  }

  private record Window(Instant end, int count) {
    Window plusOne() {
      // Saturates so that a client hammering for long cannot overflow the count.
      return new Window(end, count == Integer.MAX_VALUE ? count : count + 1);
    }
  }
}
