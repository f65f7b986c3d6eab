package org.skillshelf.linkcheck;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.skillshelf.fetch.AddressPolicy;
import org.skillshelf.fetch.FetchSettings;
import org.skillshelf.fetch.SafeFetcher;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.linkcheck.check.LinkCheckWorker;
import org.skillshelf.linkcheck.check.LinkProbe;
import org.skillshelf.linkcheck.health.HealthRules;
import org.skillshelf.linkcheck.schedule.LinkScheduleTopology;
import org.skillshelf.linkcheck.web.LinkHealthRoutes;
import org.skillshelf.runtime.ServiceContext;
import org.skillshelf.runtime.StageService;
import org.skillshelf.web.HealthCheck;
import org.skillshelf.web.WebModule;

/** The linkcheck service: the schedule and health topology, and the workers that check links. */
public final class LinkcheckService implements StageService {
  /** Checks in flight across all hosts; the per-host limit is the fetcher's. */
  static final int GLOBAL_CONCURRENCY = 256;

  private final StreamsApp schedule;
  private final SafeFetcher fetcher;
  private final LinkCheckWorker worker;
  private final List<WebModule> modules;

  public LinkcheckService(ServiceContext context) {
    var config = context.config();
    var settings = new LinkScheduleTopology.Settings(config.linkcheckInterval(),
        new HealthRules(config.linkcheckBrokenAfter(), config.linkcheckBrokenMinSpan()), context.clock(), new SecureRandom());
    this.schedule = new StreamsApp("linkcheck", LinkScheduleTopology.build(settings), context.kafka().streams("skillshelf-linkcheck"),
        context.registry());
    this.fetcher = new SafeFetcher(FetchSettings.defaults(AddressPolicy.refusingPrivate(config.fetchAllowCidrs()))
        .withMaxAttempts(1).withMaxBytes(2L * 1024 * 1024, 8L * 1024 * 1024).withPerHostConcurrency(2)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30)), context.registry());
    this.worker = new LinkCheckWorker(new LinkProbe(fetcher, context.clock()), context.publisher(), context.kafka(),
        GLOBAL_CONCURRENCY, context.registry());
    this.modules = List.of(new LinkHealthRoutes(schedule, context.curators()));
  }

  @Override
  public String name() {
    return "linkcheck";
  }

  @Override
  public List<WebModule> webModules() {
    return modules;
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(schedule, worker);
  }

  @Override
  public void start() {
    schedule.start();
    worker.start();
  }

  @Override
  public void close() {
    worker.close();
    schedule.close();
    fetcher.close();
  }
}
