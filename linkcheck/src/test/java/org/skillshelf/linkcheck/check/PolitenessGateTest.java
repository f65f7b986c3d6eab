package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skillshelf.testing.TickingClock;

class PolitenessGateTest {
  private final TickingClock clock = new TickingClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final PolitenessGate gate = new PolitenessGate(Duration.ofSeconds(1), Duration.ofSeconds(30), clock);

  @Test
  void theFirstRequestToAHostGoesAtOnce() {
    assertThat(gate.reserve("a.example:80")).contains(Duration.ZERO);
  }

  @Test
  void requestsToOneHostAreSpacedByTheMinimumGap() {
    gate.reserve("a.example:80");
    assertThat(gate.reserve("a.example:80")).contains(Duration.ofSeconds(1));
    assertThat(gate.reserve("a.example:80")).contains(Duration.ofSeconds(2));
  }

  @Test
  void anotherHostIsNotHeldUpByABusyOne() {
    gate.reserve("a.example:80");
    gate.reserve("a.example:80");
    assertThat(gate.reserve("b.example:80")).contains(Duration.ZERO);
  }

  @Test
  void aGapThatHasPassedCostsNoWait() {
    gate.reserve("a.example:80");
    clock.advance(Duration.ofSeconds(5));
    assertThat(gate.reserve("a.example:80")).contains(Duration.ZERO);
  }

  @Test
  void a429WithRetryAfterSecondsKeepsTheHostAwayThatLong() {
    gate.observe("a.example:80", Answers.withHeaders("http://a.example/x", 429, "", Map.of("Retry-After", List.of("20"))));
    assertThat(gate.reserve("a.example:80")).contains(Duration.ofSeconds(20));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    gate.observe("a.example:80", Answers.withHeaders("http://a.example/x", 503, "",
        Map.of("Retry-After", List.of("Thu, 01 Jan 2026 00:00:10 GMT"))));
    assertThat(gate.remaining("a.example:80")).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void a429WithoutRetryAfterBacksOffByTheDefault() {
    gate.observe("a.example:80", Answers.html("http://a.example/x", 429, ""));
    assertThat(gate.remaining("a.example:80")).isEqualTo(PolitenessGate.DEFAULT_BACKOFF);
  }

  @Test
  void a503WithoutRetryAfterDoesNotBackOff() {
    gate.observe("a.example:80", Answers.html("http://a.example/x", 503, ""));
    assertThat(gate.remaining("a.example:80")).isZero();
  }

  @Test
  void aBackoffLongerThanTheLongestWaitIsRefusedNotQueued() {
    gate.backOff("a.example:80", Duration.ofMinutes(10));
    assertThat(gate.reserve("a.example:80")).isEmpty();
    assertThat(gate.remaining("a.example:80")).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void anAbsurdRetryAfterIsCapped() {
    gate.observe("a.example:80", Answers.withHeaders("http://a.example/x", 429, "", Map.of("Retry-After", List.of("99999999999"))));
    assertThat(gate.remaining("a.example:80")).isEqualTo(PolitenessGate.LONGEST_BACKOFF);
  }

  @Test
  void anUnreadableRetryAfterFallsBackToTheDefault() {
    gate.observe("a.example:80", Answers.withHeaders("http://a.example/x", 429, "", Map.of("Retry-After", List.of("soon"))));
    assertThat(gate.remaining("a.example:80")).isEqualTo(PolitenessGate.DEFAULT_BACKOFF);
  }

  @Test
  void aNegativeGapIsRefused() {
    assertThatThrownBy(() -> new PolitenessGate(Duration.ofSeconds(-1), Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
  }
}
