package org.skillshelf.linkcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.linkcheck.health.HealthRules;

class DashboardPageTest {
  private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
  private static final String HOSTILE = "https://evil.example/<script>alert(1)</script>";

  private static LinkHealth broken(String id, String url) {
    var rules = new HealthRules(2, Duration.ZERO);
    LinkHealth health = null;
    for (int i = 0; i < 2; i++) {
      health = rules.apply(health, new LinkCheck(LinkCheck.VERSION, id, url, CheckOutcome.NOT_FOUND, 404, null, 5,
          "the server answered 404", NOW.minusSeconds(3600 - i)));
    }
    return health;
  }

  private static String render(List<LinkHealth> links) {
    var table = new LinkTable(links, 1);
    var figures = DashboardFigures.of(table, new HealthRules(2, Duration.ZERO), new SimpleMeterRegistry(), NOW);
    return DashboardPage.body(figures, new HealthTrend(10), table.filtered(null, null), null, "<b>", NOW);
  }

  @Test
  void valuesFromTheWebAreEscaped() {
    String html = render(List.of(broken("r1", HOSTILE)));
    assertThat(html).doesNotContain("<script>", "<b>").contains("&lt;script&gt;");
  }

  @Test
  void aLinkBrokenAnHourAgoIsNewlyBrokenAndItsHostFails() {
    DashboardFigures figures = DashboardFigures.of(new LinkTable(List.of(broken("r1", "https://a.example/x")), 0),
        new HealthRules(2, Duration.ZERO), new SimpleMeterRegistry(), NOW);
    assertThat(figures.newlyBroken()).hasSize(1);
    assertThat(figures.failingHosts()).extracting(e -> e.getKey()).containsExactly("a.example");
    assertThat(figures.byState()).containsEntry(LinkState.BROKEN, 1).containsEntry(LinkState.HEALTHY, 0);
  }

  @Test
  void filtersByStateAndHost() {
    var table = new LinkTable(List.of(broken("r1", "https://a.example/x"), broken("r2", "https://b.example/y")), 0);
    assertThat(table.filtered(LinkState.BROKEN, "B.example")).extracting(LinkHealth::resourceId).containsExactly("r2");
    assertThat(table.filtered(LinkState.HEALTHY, null)).isEmpty();
  }

  @Test
  void theCountsReachTheMetricsForGrafanaWithTheBacklogNetOfChecksUnderWay() {
    var registry = new SimpleMeterRegistry();
    var gauges = new LinkStateGauges(registry);
    AtomicInteger underWay = new AtomicInteger(1);
    Gauge.builder("skillshelf.linkcheck.in.flight", underWay, AtomicInteger::get).register(registry);
    var table = new LinkTable(List.of(broken("r1", "https://a.example/x"), broken("r2", "https://b.example/y")), 3);
    gauges.update(DashboardFigures.of(table, new HealthRules(2, Duration.ZERO), registry, NOW));
    assertThat(registry.get("skillshelf.linkcheck.links").tag("state", "BROKEN").gauge().value()).isEqualTo(2.0);
    assertThat(registry.get("skillshelf.linkcheck.links").tag("state", "HEALTHY").gauge().value()).isZero();
    assertThat(registry.get("skillshelf.linkcheck.backlog").gauge().value()).as("3 due, 1 of them under way").isEqualTo(2.0);
  }
}
