package org.skillshelf.linkcheck;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.skillshelf.fetch.AddressPolicy;
import org.skillshelf.fetch.FetchSettings;
import org.skillshelf.fetch.SafeFetcher;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.linkcheck.check.LinkChecker;
import org.skillshelf.linkcheck.check.LinkProbe;
import org.skillshelf.linkcheck.check.PoliteFetcher;
import org.skillshelf.linkcheck.check.PolitenessGate;
import org.skillshelf.linkcheck.check.RobotsTxt;
import org.skillshelf.linkcheck.check.SoftNotFound;
import org.skillshelf.linkcheck.health.HealthRules;
import org.skillshelf.linkcheck.schedule.LinkScheduleTopology;
import org.skillshelf.linkcheck.web.HealthDashboard;
import org.skillshelf.linkcheck.web.LinkHealthRoutes;
import org.skillshelf.runtime.ServiceContext;
import org.skillshelf.runtime.StageService;
import org.skillshelf.web.HealthCheck;
import org.skillshelf.web.WebModule;

/** The linkcheck service: the schedule and health topology, and the checks it hands links to. */
public final class LinkcheckService implements StageService {
  /** Checks in flight across all hosts; the per-host limit is the fetcher's. */
  static final int GLOBAL_CONCURRENCY = 256;
  /** Requests at once to one host. */
  static final int PER_HOST = 2;
  /** The least time between two requests to one host. */
  static final Duration HOST_GAP = Duration.ofSeconds(1);
  /** A check waits in line for its host at most this long; beyond, it is put off and the schedule tries again when the host allows. */
  static final Duration LONGEST_WAIT_IN_LINE = Duration.ofMinutes(2);
  /** How long a host's answer to a made-up path is trusted for soft-404 detection. */
  static final Duration SIBLING_CACHE = Duration.ofHours(6);

  /**
   * The schedule's Kafka Streams application. It was {@code skillshelf-linkcheck} while the
   * schedule was partitioned by resourceId; its stores are now partitioned by host, which the old
   * state is not, so the new id makes an upgraded instance read the catalogue from the start and
   * check every link afresh (health histories start again). The old id's internal topics can be
   * deleted.
   */
  static final String APPLICATION_ID = "skillshelf-link-checks";

  /**
   * The topic that has every check's health (Kafka Streams' changelog of the health store), for
   * those who must see each check: the link-health topic has only the changes. Its values are in
   * the store's form: read them with {@link org.skillshelf.linkcheck.schedule.StoredHealth#decode}.
   */
  public static final String EVERY_CHECK_TOPIC = APPLICATION_ID + "-" + LinkScheduleTopology.HEALTH_STORE + "-changelog";

  /** How long a host's robots.txt is trusted (RFC 9309 suggests at most a day). */
  static final Duration ROBOTS_CACHE = Duration.ofHours(24);

  private final StreamsApp schedule;
  private final SafeFetcher fetcher;
  private final LinkChecker checker;
  private final HealthDashboard dashboard;
  private final List<WebModule> modules;

  /**
   * The politeness and pacing figures that are constants in production and that a benchmark needs
   * to set (for example a zero gap between requests to one host, to measure the per-host limit alone).
   *
   * @param hostGap the least time between two requests to one host
   * @param globalConcurrency checks in flight across all hosts
   * @param firstCheckWindow new links are first checked at a random moment within this window
   */
  public record Tuning(Duration hostGap, int globalConcurrency, Duration firstCheckWindow) {
    public static Tuning production() {
      return new Tuning(HOST_GAP, GLOBAL_CONCURRENCY, LinkScheduleTopology.FIRST_CHECK_WINDOW);
    }
  }

  public LinkcheckService(ServiceContext context) {
    this(context, Tuning.production());
  }

  public LinkcheckService(ServiceContext context, Tuning tuning) {
    var config = context.config();
    var rules = new HealthRules(config.linkcheckBrokenAfter(), config.linkcheckBrokenMinSpan());
    this.fetcher = new SafeFetcher(FetchSettings.defaults(AddressPolicy.refusingPrivate(config.fetchAllowCidrs()))
        .withMaxAttempts(1).withMaxBytes(2L * 1024 * 1024, 8L * 1024 * 1024).withPerHostConcurrency(PER_HOST)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30)), context.registry());
    var gate = new PolitenessGate(tuning.hostGap(), LONGEST_WAIT_IN_LINE, context.clock());
    var polite = new PoliteFetcher(fetcher, gate, PER_HOST, tuning.globalConcurrency());
    var softNotFound = new SoftNotFound(polite, context.clock(), SIBLING_CACHE, new SecureRandom());
    var robots = config.linkcheckRobots() ? new RobotsTxt(polite, context.clock(), ROBOTS_CACHE) : null;
    this.checker = new LinkChecker(new LinkProbe(polite, softNotFound, robots, context.clock()), context.registry(), PER_HOST);
    var settings = new LinkScheduleTopology.Settings(config.linkcheckInterval(), rules, context.clock(), new SecureRandom(),
        tuning.firstCheckWindow());
    this.schedule = new StreamsApp("linkcheck", LinkScheduleTopology.build(settings, checker), streamsSettings(context),
        context.registry());
    this.dashboard = new HealthDashboard(schedule, context.curators(), rules, context.registry(), context.clock());
    this.modules = List.of(new LinkHealthRoutes(schedule, context.curators(), context.clock()), dashboard);
  }

  /**
   * Kafka Streams 4 does not leave the consumer group on close unless asked (StreamsApp does not
   * ask), so a restarted instance waits a full session timeout (45 s by default) before it gets its
   * partitions back, and a crashed one leaves its links unchecked that long. Link checks are cheap
   * to repeat, so a 10 s session timeout (3 s heartbeats) is the better trade: faster failover at
   * the price of an extra rebalance after a pause longer than 10 s.
   */
  private static Map<String, Object> streamsSettings(ServiceContext context) {
    Map<String, Object> props = new HashMap<>(context.kafka().streams(APPLICATION_ID));
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
    return props;
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
    return List.of(schedule);
  }

  @Override
  public void start() {
    schedule.start();
    dashboard.start();
  }

  @Override
  public void close() {
    dashboard.close();
    schedule.close();
    checker.close();
    fetcher.close();
  }
}
