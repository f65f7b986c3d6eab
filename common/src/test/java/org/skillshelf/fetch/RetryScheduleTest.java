package org.skillshelf.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private final RetrySchedule schedule = new RetrySchedule(Clock.fixed(NOW, ZoneOffset.UTC), new Random(7));

  @Test
  void readsRetryAfterSeconds() {
    assertThat(schedule.retryAfter(" 120 ")).contains(Duration.ofSeconds(120));
  }

  @Test
  void readsRetryAfterHttpDateAgainstTheClock() {
    assertThat(schedule.retryAfter("Thu, 26 Nov 2026 12:00:45 GMT")).contains(Duration.ofSeconds(45));
  }

  @Test
  void retryAfterDateInThePastMeansNow() {
    assertThat(schedule.retryAfter("Thu, 26 Nov 2026 11:00:00 GMT")).contains(Duration.ZERO);
  }

  @Test
  void unreadableRetryAfterIsIgnored() {
    assertThat(schedule.retryAfter("soon")).isEmpty();
    assertThat(schedule.retryAfter("-5")).isEmpty();
  }

  @Test
  void backoffDoublesWithJitterUpToItsCeiling() {
    assertThat(schedule.backoff(1)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
    assertThat(schedule.backoff(2)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(schedule.backoff(3)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(schedule.backoff(40)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
  }
}
