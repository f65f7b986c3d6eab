package org.skillshelf.linkcheck.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.linkcheck.health.HealthRules;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' link-health dashboard at {@code /health} and its CSV export at {@code
 * /api/link-health.csv} (both take {@code ?state=&host=}), plus the once-a-minute sampler that
 * feeds the trend chart.
 */
public final class HealthDashboard implements WebModule, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthDashboard.class);
  static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);
  /** Three hours of one-minute samples. */
  static final int TREND_SAMPLES = 180;

  private final StreamsApp schedule;
  private final CuratorAccounts operators;
  private final HealthRules rules;
  private final MeterRegistry registry;
  private final Clock clock;
  private final HealthTrend trend = new HealthTrend(TREND_SAMPLES);
  private final LinkStateGauges gauges;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("linkcheck-trend").daemon().factory());

  public HealthDashboard(StreamsApp schedule, CuratorAccounts operators, HealthRules rules, MeterRegistry registry, Clock clock) {
    this.schedule = schedule;
    this.operators = operators;
    this.rules = rules;
    this.registry = registry;
    this.clock = clock;
    this.gauges = new LinkStateGauges(registry);
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/health", this::page);
    config.routes.get("/api/link-health.csv", this::csv);
  }

  /** Starts sampling the state counts for the trend. */
  public void start() {
    sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sample() {
    try {
      Instant now = clock.instant();
      DashboardFigures figures = DashboardFigures.of(LinkTable.read(schedule, now), rules, registry, now);
      gauges.update(figures);
      trend.record(new HealthTrend.Sample(now, figures.byState(), figures.checks()));
    } catch (ApiException e) {
      // the streams are still starting: no sample this minute
    } catch (RuntimeException e) {
      // A periodic task that throws is never run again: one line, and the next sample in a minute.
      LOG.warn("No link-health sample this minute: {}", e.toString());
    }
  }

  private void page(Context ctx) {
    operators.requireCurator(ctx);
    LinkState state = LinkHealthRoutes.state(ctx.queryParam("state"));
    String host = ctx.queryParam("host");
    Instant now = clock.instant();
    LinkTable table = LinkTable.read(schedule, now);
    DashboardFigures figures = DashboardFigures.of(table, rules, registry, now);
    String body = DashboardPage.body(figures, trend, table.filtered(state, host), state, host, now);
    Page.render(ctx, "Link health", body, "<meta http-equiv=\"refresh\" content=\"30\">", null);
  }

  private void csv(Context ctx) {
    operators.requireCurator(ctx);
    LinkState state = LinkHealthRoutes.state(ctx.queryParam("state"));
    String host = ctx.queryParam("host");
    List<org.skillshelf.events.LinkHealth> rows = LinkTable.read(schedule, clock.instant()).filtered(state, host);
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"link-health" + suffix(state) + ".csv\"");
    ctx.result(LinkHealthCsv.of(rows));
  }

  private static String suffix(@Nullable LinkState state) {
    return state == null ? "" : "-" + state.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
