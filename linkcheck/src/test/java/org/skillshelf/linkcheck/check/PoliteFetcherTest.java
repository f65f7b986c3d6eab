package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skillshelf.fetch.AddressPolicy;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchSettings;
import org.skillshelf.fetch.SafeFetcher;
import org.skillshelf.testing.TestWeb;

class PoliteFetcherTest {
  private final TestWeb busy = TestWeb.start("127.0.0.21")
      .respond("/a", new TestWeb.Response(429, "text/html", "<title>Slow down</title>".getBytes(StandardCharsets.UTF_8),
          Map.of("Retry-After", "600")));
  private final TestWeb calm = TestWeb.start("127.0.0.22").page("/b", "text/html", "<title>Fine</title>");
  private final SafeFetcher fetcher = new SafeFetcher(FetchSettings.defaults(AddressPolicy.refusingPrivate(List.of("127.0.0.0/8")))
      .withMaxAttempts(1), new SimpleMeterRegistry());
  private final PoliteFetcher polite = new PoliteFetcher(fetcher,
      new PolitenessGate(Duration.ZERO, Duration.ofSeconds(30), Clock.systemUTC()), 4);

  @AfterEach
  void stop() {
    fetcher.close();
    busy.close();
    calm.close();
  }

  @Test
  void aHostThatAskedForALongBackoffIsNotAskedAgain() throws Exception {
    assertThat(polite.fetch(FetchRequest.get(busy.uri("/a"))).status()).isEqualTo(429);
    assertThatThrownBy(() -> polite.fetch(FetchRequest.get(busy.uri("/a")))).isInstanceOf(HostBackingOff.class);
    assertThat(busy.hits("/a")).isEqualTo(1);
  }

  @Test
  void anotherHostIsFetchedWhileOneBacksOff() throws Exception {
    polite.fetch(FetchRequest.get(busy.uri("/a")));
    assertThat(polite.fetch(FetchRequest.get(calm.uri("/b"))).status()).isEqualTo(200);
  }
}
