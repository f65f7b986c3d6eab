package org.skillshelf.linkcheck.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.skillshelf.fetch.FetchResult;

/**
 * When the next request to a host may go out. Each host gets a minimum gap between two requests
 * (so a catalogue with many links on one site never hammers it), and a host that answered 429 or
 * sent {@code Retry-After} is left alone for that long. The gate only hands out turns; callers wait
 * on their own (virtual) thread, so a slow or backing-off host never holds up checks of other
 * hosts. A turn further away than {@code maxWait} is refused: the check is dropped and the
 * schedule tries it again once the host allows, rather than piling up waiting checks.
 *
 * <p>Scope: the gate is per process, and politeness holds across instances because the schedule
 * is partitioned by host ({@code LinkScheduleTopology}): all of one host's links are in one
 * schedule task, which one instance runs at a time, and that instance's checks are the only ones
 * sent to the host, so its gate (and its fetcher's per-host limit) sees every request to the host.
 * The price: a very large host makes its task busier than others, and during a rebalance the old
 * and the new owner may briefly both have checks of a host under way (the old owner's last checks
 * finish while the new one starts). Several hosts share a task; a slow host does not hold up the
 * others because each host's checks run on virtual threads of their own.
 *
 * <pre>{@code
 * Optional<Duration> wait = gate.reserve("example.org");
 * }</pre>
 */
public final class PolitenessGate {
  /** Backoff after a 429 without a usable Retry-After. */
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(60);
  /** A Retry-After longer than this is capped: some servers ask for days. */
  static final Duration LONGEST_BACKOFF = Duration.ofHours(6);

  private final Duration minGap;
  private final Duration maxWait;
  private final Clock clock;
  private final Map<String, Instant> nextTurn = new ConcurrentHashMap<>();

  public PolitenessGate(Duration minGap, Duration maxWait, Clock clock) {
    if (minGap.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException("minGap and maxWait must not be negative, were " + minGap + " and " + maxWait);
    }
    this.minGap = minGap;
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /**
   * Takes the host's next turn: how long to wait before sending, or empty when that would be
   * longer than {@code maxWait} (nothing is reserved then).
   */
  public Optional<Duration> reserve(String host) {
    Instant now = clock.instant();
    Duration[] wait = new Duration[1];
    nextTurn.compute(host, (h, next) -> {
      Instant turn = next == null || next.isBefore(now) ? now : next;
      Duration until = Duration.between(now, turn);
      if (until.compareTo(maxWait) > 0) {
        wait[0] = null;
        return next;
      }
      wait[0] = until;
      return turn.plus(minGap);
    });
    return Optional.ofNullable(wait[0]);
  }

  /** How long the host is still out of bounds (zero when a turn is free now). */
  public Duration remaining(String host) {
    Instant next = nextTurn.get(host);
    Instant now = clock.instant();
    return next == null || !next.isAfter(now) ? Duration.ZERO : Duration.between(now, next);
  }

  /** Keeps every request away from the host for {@code wait} (longer backoffs already in place stay). */
  public void backOff(String host, Duration wait) {
    Duration capped = wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait.isNegative() ? Duration.ZERO : wait;
    Instant until = clock.instant().plus(capped);
    nextTurn.merge(host, until, (old, proposed) -> old.isAfter(proposed) ? old : proposed);
  }

  /** Backs off the host if the answer asks for it: any 429, or a 503 with {@code Retry-After}. */
  public void observe(String host, FetchResult answer) {
    Optional<Duration> asked = retryAfter(answer, clock);
    if (answer.status() == 429) {
      backOff(host, asked.orElse(DEFAULT_BACKOFF));
    } else if (answer.status() == 503 && asked.isPresent()) {
      backOff(host, asked.get());
    }
  }

  /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 §10.2.3); empty if absent or unreadable. */
  static Optional<Duration> retryAfter(FetchResult answer, Clock clock) {
    Optional<String> raw = answer.header("retry-after").map(String::strip);
    if (raw.isEmpty() || raw.get().isEmpty()) {
      return Optional.empty();
    }
    String value = raw.get();
    if (value.chars().allMatch(Character::isDigit)) {
      return value.length() > 9 ? Optional.of(LONGEST_BACKOFF) : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
