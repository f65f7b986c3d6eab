package org.skillshelf.runtime;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.kafka.DeadLetterDesk;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.TopicProvisioner;
import org.skillshelf.taxonomy.InvalidTaxonomyException;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.CuratorLogin;
import org.skillshelf.web.HealthCheck;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Skillshelf process: an embedded cluster when none is configured (and the process can
 * start one), the services named in {@code SKILLSHELF_SERVICES} that this build contains, and one
 * web server for all of them. The all-in-one launcher and each service's own launcher are this
 * class with different factories.
 *
 * <pre>{@code
 * try (var process = SkillshelfProcess.start(config, Map.of(Service.INGEST, IngestService::new), null)) {
 *   process.awaitReady(Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class SkillshelfProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SkillshelfProcess.class);

  private final @Nullable EmbeddedCluster broker;
  private final EventPublisher publisher;
  private final List<StageService> services;
  private final WebServer web;
  private final List<HealthCheck> checks;
  private final PrometheusMeterRegistry registry;
  private final String host;
  private boolean closed;

  private SkillshelfProcess(@Nullable EmbeddedCluster broker, EventPublisher publisher, List<StageService> services,
      WebServer web, List<HealthCheck> checks, PrometheusMeterRegistry registry, String host) {
    this.broker = broker;
    this.publisher = publisher;
    this.services = services;
    this.web = web;
    this.checks = checks;
    this.registry = registry;
    this.host = host;
  }

  /**
   * Starts the services this build offers that the configuration asks for.
   *
   * @param embedded starts a broker when {@code SKILLSHELF_KAFKA_BOOTSTRAP} is unset; null where
   *     this build has none (then the setting is required)
   */
  public static SkillshelfProcess start(SkillshelfConfig config, Map<Service, ServiceFactory> available,
      EmbeddedCluster.@Nullable Starter embedded) throws InvalidTaxonomyException {
    return start(config, available, embedded, List.of());
  }

  /** As {@link #start(SkillshelfConfig, Map, EmbeddedCluster.Starter)}, with extra routes (benchmarks). */
  public static SkillshelfProcess start(SkillshelfConfig config, Map<Service, ServiceFactory> available,
      EmbeddedCluster.@Nullable Starter embedded, List<WebModule> extraModules) throws InvalidTaxonomyException {
    Taxonomy taxonomy = config.taxonomy().isPresent() ? Taxonomy.load(config.taxonomy().get()) : Taxonomy.builtIn();
    if (config.kafkaBootstrap().isEmpty() && embedded == null) {
      throw new IllegalStateException("set SKILLSHELF_KAFKA_BOOTSTRAP to the Kafka cluster this service should use");
    }
    EmbeddedCluster broker = config.kafkaBootstrap().isEmpty() ? embedded.start(config.dataDir().resolve("broker")) : null;
    try {
      String bootstrap = broker != null ? broker.bootstrapServers() : config.kafkaBootstrap().orElseThrow();
      var kafka = new KafkaClients(bootstrap, config.dataDir().resolve("streams"), broker != null ? 0 : 1);
      TopicProvisioner.ensureTopics(kafka);
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      bindJvmMetrics(registry);
      var publisher = new EventPublisher(kafka, "skillshelf-api-" + config.instanceId(), registry);
      var context = new ServiceContext(config, kafka, publisher, curators(config), registry, Clock.systemUTC(), taxonomy);
      List<StageService> services = new ArrayList<>();
      for (Service service : Service.values()) {
        ServiceFactory factory = available.get(service);
        if (config.runs(service) && factory != null) {
          services.add(factory.create(context));
        }
      }
      if (services.isEmpty()) {
        throw new IllegalStateException("SKILLSHELF_SERVICES names none of the services this build contains: " + available.keySet());
      }
      List<HealthCheck> checks = new ArrayList<>();
      var kafkaHealth = new KafkaHealth(kafka);
      checks.add(kafkaHealth);
      List<WebModule> modules = new ArrayList<>(extraModules);
      modules.add(new CuratorLogin(context.curators(), registry, context.clock()));
      modules.add(new DeadLetterDesk(kafka, context.curators(), registry, context.clock()));
      for (StageService service : services) {
        checks.addAll(service.healthChecks());
        modules.addAll(service.webModules());
      }
      services.forEach(StageService::start);
      WebServer web = WebServer.start(config.httpHost(), config.httpPort(), registry, checks, modules);
      return new SkillshelfProcess(broker, publisher, services, web, checks, registry, config.httpHost());
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  private static CuratorAccounts curators(SkillshelfConfig config) {
    if (!config.curators().isEmpty()) {
      return CuratorAccounts.of(config.curators());
    }
    String password = CuratorAccounts.randomPassword();
    // Printed once, on purpose: the all-in-one mode's only way to hand the operator a password.
    System.out.println("No SKILLSHELF_CURATORS set: sign in as admin with password " + password);
    return CuratorAccounts.of(Map.of("admin", password));
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Waits until every health check is up; false if the deadline passed first. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (checks.stream().allMatch(HealthCheck::isUp)) {
        return true;
      }
      Thread.sleep(100); // polling the process's own state; nothing to be notified by
    }
    return false;
  }

  public Map<String, String> health() {
    Map<String, String> states = new LinkedHashMap<>();
    checks.forEach(c -> states.put(c.name(), c.state()));
    return states;
  }

  public String baseUrl() {
    String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return "http://" + shown + ":" + web.port();
  }

  public int port() {
    return web.port();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Stops taking requests first, then the services, then Kafka: nothing acknowledged is lost. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    web.close();
    for (StageService service : services.reversed()) {
      try {
        service.close();
      } catch (RuntimeException e) {
        LOG.warn("Stopping {} failed: {}", service.name(), e.toString());
      }
    }
    publisher.close();
    checks.stream().filter(KafkaHealth.class::isInstance).map(KafkaHealth.class::cast).forEach(KafkaHealth::close);
    if (broker != null) {
      broker.close();
    }
  }

  /** Runs until SIGTERM: the body of every launcher's {@code main}. */
  public static void run(Map<Service, ServiceFactory> available, EmbeddedCluster.@Nullable Starter embedded) {
    SkillshelfConfig config;
    SkillshelfProcess app;
    try {
      config = SkillshelfConfig.fromEnvironment(System.getenv());
      app = start(config, available, embedded);
    } catch (InvalidTaxonomyException | RuntimeException e) {
      System.err.println("Skillshelf could not start: " + e.getMessage());
      LOG.debug("start failure", e);
      Runtime.getRuntime().halt(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "skillshelf-shutdown"));
    try {
      if (app.awaitReady(Duration.ofMinutes(3))) {
        System.out.println("Skillshelf ready on " + app.baseUrl() + " (data in " + Path.of(config.dataDir().toString()).toAbsolutePath() + ")");
      } else {
        LOG.error("Skillshelf did not become ready within 3 minutes: {}", app.health());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
