package org.skillshelf.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.skillshelf.testing.TickingClock;

class LoginThrottleTest {
  private final TickingClock clock = new TickingClock();
  private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(5), 100);

  private void fail(String key, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(key);
    }
  }

  @Test
  void allowsFourFailures() {
    fail("address:192.0.2.1", 4);
    assertThat(throttle.blockedFor("address:192.0.2.1")).isEmpty();
  }

  @Test
  void blocksAfterTheFifthFailureUntilTheFirstLeavesTheWindow() {
    fail("address:192.0.2.1", 1);
    clock.advance(Duration.ofMinutes(1));
    fail("address:192.0.2.1", 4);
    assertThat(throttle.blockedFor("address:192.0.2.1")).contains(Duration.ofMinutes(4));
    clock.advance(Duration.ofMinutes(4));
    assertThat(throttle.blockedFor("address:192.0.2.1")).isEmpty();
  }

  @Test
  void keysAreCountedSeparately() {
    fail("account:ada", 5);
    assertThat(throttle.blockedFor("account:ada")).isPresent();
    assertThat(throttle.blockedFor("account:grace")).isEmpty();
  }

  @Test
  void successClearsAnAccountsFailures() {
    fail("account:ada", 4);
    throttle.succeeded("account:ada");
    fail("account:ada", 4);
    assertThat(throttle.blockedFor("account:ada")).isEmpty();
  }

  @Test
  void remembersOnlyABoundedNumberOfKeys() {
    LoginThrottle small = new LoginThrottle(clock, 1, Duration.ofMinutes(5), 2);
    small.failed("a");
    small.failed("b");
    small.failed("c");
    assertThat(small.blockedFor("a")).as("the stalest key was forgotten").isEmpty();
    assertThat(small.blockedFor("c")).isPresent();
  }
}
