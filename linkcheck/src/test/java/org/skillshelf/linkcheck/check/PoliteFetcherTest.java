package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import org.awaitility.Awaitility;
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
      new PolitenessGate(Duration.ZERO, Duration.ofSeconds(30), Clock.systemUTC()), 2, 4);

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

  @Test
  void checksWaitingForABusyHostHoldNoGlobalPermit() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger answering = new AtomicInteger();
    HttpServer stalling = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getByName("127.0.0.23"), 0), 16);
    stalling.createContext("/", exchange -> {
      answering.incrementAndGet();
      try {
        release.await();
        exchange.sendResponseHeaders(204, -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    });
    stalling.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    stalling.start();
    var threeAtOnce = new PoliteFetcher(fetcher, new PolitenessGate(Duration.ZERO, Duration.ofSeconds(30), Clock.systemUTC()), 2, 3);
    URI slow = URI.create("http://127.0.0.23:" + stalling.getAddress().getPort() + "/page");
    try (var checks = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 5; i++) {
        checks.submit(() -> threeAtOnce.fetch(FetchRequest.head(slow)));
      }
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answering.get() == 2);
      assertThat(threeAtOnce.fetch(FetchRequest.get(calm.uri("/b"))).status()).isEqualTo(200);
      assertThat(answering).hasValue(2);
      release.countDown();
    } finally {
      stalling.stop(0);
    }
  }
}
