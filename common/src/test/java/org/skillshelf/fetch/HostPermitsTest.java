package org.skillshelf.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
}
