package org.skillshelf.linkcheck.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.linkcheck.health.HealthRules;

/**
 * The dashboard's numbers, computed from one read of the stores and the Micrometer registry.
 *
 * @param byState links per state (every state present, zero included)
 * @param byLastOutcome links per outcome of their latest check
 * @param checksByOutcome checks made by this instance since it started, per outcome
 * @param newlyBroken links that became BROKEN in the last 24 hours, with when
 * @param failingHosts hosts with the most DEGRADED or BROKEN links, most first (at most 10)
 * @param checks checks made by this instance since it started
 * @param meanLatency mean time of one check; max the longest recently
 * @param waitingForCheck links due and not yet being checked (the backlog)
 * @param underWay links being checked now, or waiting for their host's turn
 */
record DashboardFigures(Map<LinkState, Integer> byState, Map<String, Integer> byLastOutcome,
    Map<String, Long> checksByOutcome, List<Map.Entry<LinkHealth, Instant>> newlyBroken, List<Map.Entry<String, Integer>> failingHosts,
    long checks, Duration meanLatency, Duration maxLatency, int waitingForCheck, int underWay) {
  private static final Duration NEWLY = Duration.ofHours(24);
  private static final int TOP_HOSTS = 10;

  static DashboardFigures of(LinkTable table, HealthRules rules, MeterRegistry registry, Instant now) {
    Map<LinkState, Integer> byState = new EnumMap<>(LinkState.class);
    for (LinkState state : LinkState.values()) {
      byState.put(state, 0);
    }
    Map<String, Integer> byOutcome = new TreeMap<>();
    Map<String, Integer> failingByHost = new LinkedHashMap<>();
    List<Map.Entry<LinkHealth, Instant>> newlyBroken = new java.util.ArrayList<>();
    for (LinkHealth link : table.links()) {
      byState.merge(link.state(), 1, Integer::sum);
      if (link.lastOutcome() != null) {
        byOutcome.merge(link.lastOutcome().outcome().name(), 1, Integer::sum);
      }
      if (link.state() == LinkState.DEGRADED || link.state() == LinkState.BROKEN) {
        failingByHost.merge(LinkTable.hostOf(link.url()), 1, Integer::sum);
      }
      rules.brokenSince(link).filter(since -> since.isAfter(now.minus(NEWLY)))
          .ifPresent(since -> newlyBroken.add(Map.entry(link, since)));
    }
    newlyBroken.sort(Map.Entry.<LinkHealth, Instant>comparingByValue().reversed());
    List<Map.Entry<String, Integer>> hosts = failingByHost.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_HOSTS).toList();
    Timer timer = registry.find("skillshelf.linkcheck.check.duration").timer();
    Map<String, Long> checksByOutcome = new TreeMap<>();
    for (Counter counter : registry.find("skillshelf.linkcheck.checks").counters()) {
      String outcome = counter.getId().getTag("outcome");
      checksByOutcome.merge(outcome == null ? "?" : outcome, (long) counter.count(), Long::sum);
    }
    Gauge inFlight = registry.find("skillshelf.linkcheck.in.flight").gauge();
    int underWay = inFlight == null ? 0 : (int) inFlight.value();
    return new DashboardFigures(byState, byOutcome, checksByOutcome, List.copyOf(newlyBroken), hosts,
        timer == null ? 0 : timer.count(), millis(timer == null ? 0 : timer.mean(TimeUnit.MILLISECONDS)),
        millis(timer == null ? 0 : timer.max(TimeUnit.MILLISECONDS)), Math.max(0, table.dueNow() - underWay), underWay);
  }

  private static Duration millis(double ms) {
    return Duration.ofMillis(Math.round(ms));
  }
}
