package org.skillshelf.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HostPermitsTest {
  private final HostPermits permits = new HostPermits(1);

  @Test
  void secondCallerWaitsForTheFirstAndTimesOut() throws Exception {
    try (HostPermits.Permit first = permits.acquire("example.org", Duration.ZERO)) {
      assertThatThrownBy(() -> permits.acquire("example.org", Duration.ofMillis(20))).isInstanceOf(HostPermits.PermitTimeout.class);
    }
  }

  @Test
  void otherHostsAreNotHeldUp() throws Exception {
    try (HostPermits.Permit first = permits.acquire("example.org", Duration.ZERO);
        HostPermits.Permit second = permits.acquire("example.net", Duration.ZERO)) {
      assertThat(permits.trackedHosts()).isEqualTo(2);
    }
  }

  @Test
  void forgetsHostsNobodyIsUsing() throws Exception {
    permits.acquire("example.org", Duration.ZERO).close();
    try (HostPermits.Permit held = permits.acquire("example.net", Duration.ZERO)) {
      assertThatThrownBy(() -> permits.acquire("example.net", Duration.ZERO)).isInstanceOf(HostPermits.PermitTimeout.class);
    }

    assertThat(permits.trackedHosts()).isZero();
  }

  @Test
  void takeWaitsUntilTheHolderGivesItsPermitBack() throws Exception {
    HostPermits.Permit first = permits.take("example.org");
    CompletableFuture<HostPermits.Permit> second = CompletableFuture.supplyAsync(() -> {
      try {
        return permits.take("example.org");
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());

    first.close();

    await().atMost(Duration.ofSeconds(10)).until(second::isDone);
    second.join().close();
    assertThat(permits.trackedHosts()).isZero();
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> new HostPermits(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
