package org.skillshelf.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying again: exponential backoff with jitter, or what the server asked
 * for in {@code Retry-After} (RFC 9110 §10.2.3: seconds or an HTTP-date).
 */
final class RetrySchedule {
  /** The longest wait the fetcher accepts; a server asking for more gets its answer kept instead. */
  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  private final Clock clock;
  private final RandomGenerator random;

  /** {@code random} is shared by every fetching thread, so it must be thread-safe, as {@code java.util.Random} is. */
  RetrySchedule(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /**
   * The wait after failed attempt number {@code attempt} (1-based): doubling from 250 ms up to
   * 8 s, each drawn between half and all of that, so many clients failing together spread out.
   */
  Duration backoff(int attempt) {
    long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
  }

  /** The wait a {@code Retry-After} value asks for; empty if it cannot be read. Never negative. */
  Optional<Duration> retryAfter(String value) {
    String text = value.strip();
    if (text.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
    try {
      Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), when);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
