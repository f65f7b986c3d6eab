package org.skillshelf.linkcheck.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;

class HealthRulesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final HealthRules rules = new HealthRules(3, Duration.ofDays(3));

  private static LinkCheck check(CheckOutcome outcome, Duration after) {
    return new LinkCheck(LinkCheck.VERSION, "r1", "https://example.org/a", outcome, 0, null, 10, null, T0.plus(after));
  }

  private @Nullable LinkHealth applyAll(@Nullable LinkHealth start, LinkCheck... checks) {
    LinkHealth health = start;
    for (LinkCheck check : checks) {
      health = rules.apply(health, check);
    }
    return health;
  }

  @Test
  void brokenAfterThreeHardFailuresSpanningTheMinimumTime() {
    LinkHealth health = applyAll(null, check(CheckOutcome.NOT_FOUND, Duration.ZERO),
        check(CheckOutcome.NOT_FOUND, Duration.ofDays(1)), check(CheckOutcome.GONE, Duration.ofDays(3)));
    assertThat(health.state()).isEqualTo(LinkState.BROKEN);
  }

  @Test
  void threeHardFailuresWithinTheMinimumTimeOnlyDegrade() {
    LinkHealth health = applyAll(null, check(CheckOutcome.NOT_FOUND, Duration.ZERO),
        check(CheckOutcome.NOT_FOUND, Duration.ofHours(1)), check(CheckOutcome.NOT_FOUND, Duration.ofHours(2)));
    assertThat(health.state()).isEqualTo(LinkState.DEGRADED);
  }

  @Test
  void transientFailuresNeverBreakALinkOnTheirOwn() {
    LinkHealth health = null;
    CheckOutcome[] transients = {CheckOutcome.TIMEOUT, CheckOutcome.RATE_LIMITED, CheckOutcome.SERVER_ERROR, CheckOutcome.BLOCKED};
    for (int day = 0; day < 20; day++) {
      health = rules.apply(health, check(transients[day % transients.length], Duration.ofDays(day)));
    }
    assertThat(health.state()).isEqualTo(LinkState.DEGRADED);
    assertThat(health.consecutiveFailures()).isEqualTo(20);
  }

  @Test
  void aFailureDegradesAHealthyLink() {
    LinkHealth health = applyAll(null, check(CheckOutcome.OK, Duration.ZERO), check(CheckOutcome.TIMEOUT, Duration.ofDays(1)));
    assertThat(health.state()).isEqualTo(LinkState.DEGRADED);
  }

  @Test
  void successHeals() {
    LinkHealth broken = applyAll(null, check(CheckOutcome.NOT_FOUND, Duration.ZERO),
        check(CheckOutcome.NOT_FOUND, Duration.ofDays(2)), check(CheckOutcome.NOT_FOUND, Duration.ofDays(4)));
    LinkHealth healed = rules.apply(broken, check(CheckOutcome.OK, Duration.ofDays(5)));
    assertThat(broken.state()).isEqualTo(LinkState.BROKEN);
    assertThat(healed.state()).isEqualTo(LinkState.HEALTHY);
    assertThat(healed.consecutiveFailures()).isZero();
    assertThat(healed.firstFailureAt()).isNull();
  }

  @Test
  void aTransientFailureKeepsABrokenLinkBroken() {
    LinkHealth broken = applyAll(null, check(CheckOutcome.NOT_FOUND, Duration.ZERO),
        check(CheckOutcome.NOT_FOUND, Duration.ofDays(2)), check(CheckOutcome.NOT_FOUND, Duration.ofDays(4)));
    assertThat(rules.apply(broken, check(CheckOutcome.TIMEOUT, Duration.ofDays(5))).state()).isEqualTo(LinkState.BROKEN);
  }

  @Test
  void historyCappedAt30NewestFirst() {
    LinkHealth health = null;
    for (int i = 0; i < 45; i++) {
      health = rules.apply(health, check(CheckOutcome.OK, Duration.ofHours(i)));
    }
    assertThat(health.history()).hasSize(LinkHealth.HISTORY);
    assertThat(health.history().getFirst().checkedAt()).isEqualTo(T0.plus(Duration.ofHours(44)));
    assertThat(health.history().getLast().checkedAt()).isEqualTo(T0.plus(Duration.ofHours(15)));
  }
}
