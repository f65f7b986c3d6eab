package org.skillshelf.linkcheck.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.skillshelf.events.LinkState;

/**
 * The dashboard's counts as metrics, for Prometheus and Grafana: catalogue links per health state
 * ({@code skillshelf.linkcheck.links}, tagged by state) and the backlog of links due and not yet
 * being checked ({@code skillshelf.linkcheck.backlog}), as of the latest minute's sample (counting
 * reads every link, too much for every scrape).
 */
final class LinkStateGauges {
  private final Map<LinkState, AtomicInteger> byState = new EnumMap<>(LinkState.class);
  private final AtomicInteger backlog = new AtomicInteger();

  LinkStateGauges(MeterRegistry registry) {
    for (LinkState state : LinkState.values()) {
      AtomicInteger count = new AtomicInteger();
      byState.put(state, count);
      Gauge.builder("skillshelf.linkcheck.links", count, AtomicInteger::get).tag("state", state.name())
          .description("catalogue links in each health state, sampled each minute").register(registry);
    }
    Gauge.builder("skillshelf.linkcheck.backlog", backlog, AtomicInteger::get)
        .description("links due and not yet being checked, sampled each minute").register(registry);
  }

  void update(DashboardFigures figures) {
    byState.forEach((state, count) -> count.set(figures.byState().getOrDefault(state, 0)));
    backlog.set(figures.waitingForCheck());
  }
}
