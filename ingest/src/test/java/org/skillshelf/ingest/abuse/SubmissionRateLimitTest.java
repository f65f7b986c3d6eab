package org.skillshelf.ingest.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SubmissionRateLimitTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

  @Test
  void allowsTheConfiguredNumberPerWindowThenSaysHowLongToWait() {
    var limit = new SubmissionRateLimit(2, Duration.ofMinutes(1), clock);
    assertThat(limit.take("203.0.113.7")).isEmpty();
    clock.advance(Duration.ofSeconds(20));
    assertThat(limit.take("203.0.113.7")).isEmpty();
    assertThat(limit.take("203.0.113.7")).contains(Duration.ofSeconds(40));
  }

  @Test
  void aNewWindowStartsWhenTheOldOneEnds() {
    var limit = new SubmissionRateLimit(1, Duration.ofMinutes(1), clock);
    limit.take("203.0.113.7");
    assertThat(limit.take("203.0.113.7")).isPresent();
    clock.advance(Duration.ofMinutes(1));
    assertThat(limit.take("203.0.113.7")).isEmpty();
  }

  @Test
  void countsEachClientAddressSeparately() {
    var limit = new SubmissionRateLimit(1, Duration.ofMinutes(1), clock);
    limit.take("203.0.113.7");
    assertThat(limit.take("198.51.100.9")).isEmpty();
    assertThat(limit.take("203.0.113.7")).isPresent();
  }

  @Test
  void zeroMeansUnlimited() {
    var limit = new SubmissionRateLimit(0, Duration.ZERO, clock);
    for (int i = 0; i < 1_000; i++) {
      assertThat(limit.take("203.0.113.7")).isEmpty();
    }
    assertThat(limit.clients()).isZero();
  }

  @Test
  void keepsNoMoreClientsThanItsBoundDroppingTheOldestWindowsFirst() {
    var limit = new SubmissionRateLimit(1, Duration.ofMinutes(1), clock, 3);
    limit.take("a");
    clock.advance(Duration.ofSeconds(1));
    limit.take("b");
    limit.take("c");
    limit.take("d");
    assertThat(limit.clients()).isEqualTo(3);
    assertThat(limit.take("a")).as("a's window was dropped to make room").isEmpty();
    assertThat(limit.take("d")).as("d's window was kept").isPresent();
  }

  @Test
  void dropsFinishedWindowsBeforeLiveOnesWhenFull() {
    var limit = new SubmissionRateLimit(1, Duration.ofMinutes(1), clock, 2);
    limit.take("old");
    clock.advance(Duration.ofMinutes(2));
    limit.take("live");
    limit.take("new");
    assertThat(limit.take("live")).isPresent();
  }

  @Test
  void refusesANegativeCountOrAnEmptyWindow() {
    assertThatThrownBy(() -> new SubmissionRateLimit(-1, Duration.ofMinutes(1), clock)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SubmissionRateLimit(5, Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
