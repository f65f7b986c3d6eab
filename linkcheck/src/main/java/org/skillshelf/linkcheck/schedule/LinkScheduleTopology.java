package org.skillshelf.linkcheck.schedule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkCheckRequest;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.kafka.EventSerde;
import org.skillshelf.kafka.Topics;
import org.skillshelf.linkcheck.health.HealthRules;

/**
 * Link checking's state as one Kafka Streams topology. The catalogue topic tells which links exist;
 * a wall-clock punctuator sends a check request for each link that is due; check results come back
 * on the link-checks topic and become each link's health. Both the schedule and the health live in
 * changelogged stores, so a restart or a rebalance neither skips nor repeats a cycle: a link is due
 * when its store says so, whoever owns its partition.
 *
 * <p>Each tick reads only the links that are due, from an in-memory {@link DueIndex} rebuilt from the
 * schedule store when the processor starts, rather than scanning every link's schedule every
 * second (a scan that grows with the catalogue and that a million links could not afford).
 *
 * <p>New links are checked soon after publishing, spread over a short window; each check then
 * schedules the next one an interval later with ±10% jitter so that checks stay spread out; a link
 * that just failed is re-checked after a quarter of the interval.
 */
public final class LinkScheduleTopology {
  public static final String SCHEDULE_STORE = "link-schedule";
  public static final String HEALTH_STORE = "link-health";
  private static final Duration TICK = Duration.ofSeconds(1);
  /** New links are first checked at a random moment within this window (the default), so a big import does not arrive at once. */
  public static final Duration FIRST_CHECK_WINDOW = Duration.ofSeconds(30);
  private static final int MAX_REQUESTS_PER_TICK = 2_000;

  private LinkScheduleTopology() {}

  /** The settings that shape the schedule. */
  public record Settings(Duration interval, HealthRules rules, Clock clock, RandomGenerator random, Duration firstCheckWindow) {
    public Settings(Duration interval, HealthRules rules, Clock clock, RandomGenerator random) {
      this(interval, rules, clock, random, FIRST_CHECK_WINDOW);
    }
  }

  public static Topology build(Settings settings) {
    Topology topology = new Topology();
    topology.addSource("catalogue-source", Serdes.String().deserializer(), Topics.CATALOGUE.serde().deserializer(), Topics.CATALOGUE.name());
    topology.addSource("checks-source", Serdes.String().deserializer(), Topics.LINK_CHECKS.serde().deserializer(), Topics.LINK_CHECKS.name());
    topology.addProcessor("schedule", () -> new ScheduleProcessor(settings), "catalogue-source", "checks-source");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCHEDULE_STORE), Serdes.String(),
        EventSerde.of(ScheduledLink.class, ScheduledLink.VERSION)), "schedule");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEALTH_STORE), Serdes.String(),
        Topics.LINK_HEALTH.serde()), "schedule");
    topology.addSink("requests-sink", Topics.LINK_CHECK_REQUESTS.name(), Serdes.String().serializer(),
        Topics.LINK_CHECK_REQUESTS.serde().serializer(), "schedule");
    topology.addSink("health-sink", Topics.LINK_HEALTH.name(), Serdes.String().serializer(),
        Topics.LINK_HEALTH.serde().serializer(), "schedule");
    return topology;
  }

  /**
   * The partition key of a check request: the link's host, lower-cased (ports ignored, since
   * politeness is owed to the machine name); a URL without a readable host gets its whole text, so
   * it still has a stable key.
   */
  public static String hostKey(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null || host.isBlank() ? url : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static final class ScheduleProcessor implements Processor<String, Object, String, Object> {
    private final Settings settings;
    private @Nullable ProcessorContext<String, Object> context;
    private @Nullable KeyValueStore<String, ScheduledLink> schedule;
    private @Nullable KeyValueStore<String, LinkHealth> health;
    private final DueIndex index = new DueIndex();

    ScheduleProcessor(Settings settings) {
      this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
      this.context = context;
      this.schedule = context.getStateStore(SCHEDULE_STORE);
      this.health = context.getStateStore(HEALTH_STORE);
      try (KeyValueIterator<String, ScheduledLink> all = schedule().all()) {
        all.forEachRemaining(kv -> index.put(kv.key, kv.value.nextCheckAt()));
      }
      context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::requestDueChecks);
    }

    @Override
    public void process(Record<String, Object> record) {
      String key = record.key();
      if (key == null) {
        return;
      }
      Instant now = settings.clock().instant();
      switch (record.value()) {
        case CatalogueRecord published -> published(key, published, now);
        case LinkCheck check -> checked(key, check, record.timestamp());
        case null -> {
          boolean fromCatalogue = context().recordMetadata().map(m -> m.topic().equals(Topics.CATALOGUE.name())).orElse(false);
          if (fromCatalogue && unschedule(key)) {
            health().delete(key);
            context().forward(new Record<>(key, null, record.timestamp()), "health-sink");
          }
        }
        default -> { }
      }
    }

    private void published(String key, CatalogueRecord published, Instant now) {
      ScheduledLink existing = schedule().get(key);
      if (existing != null && existing.url().equals(published.url())) {
        return;
      }
      long spread = Math.min(settings.interval().toMillis(), settings.firstCheckWindow().toMillis());
      Instant first = now.plusMillis(spread <= 0 ? 0 : settings.random().nextLong(spread));
      schedule(key, new ScheduledLink(ScheduledLink.VERSION, key, published.url(), published.fingerprint(), first, null));
    }

    /** @param timestamp the Kafka timestamp of what this writes: the check's, not the settings' clock */
    private void checked(String key, LinkCheck check, long timestamp) {
      ScheduledLink link = schedule().get(key);
      if (link == null || !link.url().equals(check.url())) {
        return; // withdrawn or replaced since the request was sent
      }
      if (link.requestedAt() == null) {
        return; // already answered: a request re-delivered after a crash was checked twice; count it once
      }
      LinkHealth next = settings.rules().apply(health().get(key), check);
      health().put(key, next);
      context().forward(new Record<>(key, next, timestamp), "health-sink");
      Duration wait = check.outcome().isSuccess() ? jittered(settings.interval()) : jittered(settings.interval().dividedBy(4));
      schedule(key, link.due(check.checkedAt().plus(wait)));
    }

    /**
     * @param wallClock Kafka Streams' time of this punctuation, the timestamp of the requests: the
     *     broker refuses timestamps far from its own clock, and the settings' clock is the domain's
     */
    private void requestDueChecks(long wallClock) {
      Instant now = settings.clock().instant();
      for (String key : index.due(now, MAX_REQUESTS_PER_TICK)) {
        ScheduledLink link = schedule().get(key);
        if (link == null) {
          index.remove(key);
          continue;
        }
        var request = new LinkCheckRequest(LinkCheckRequest.VERSION, link.resourceId(), link.url(), link.fingerprint(), link.nextCheckAt());
        // Keyed by host, not resourceId: all of one host's checks land on one partition, so one
        // worker instance (and its PolitenessGate) sees all of them. The worker reads the
        // resourceId from the value.
        context().forward(new Record<>(hostKey(link.url()), request, wallClock), "requests-sink");
        // If no answer comes (a worker died mid-check), ask again after the retry delay.
        schedule(key, link.requested(now, now.plus(retryAfterSilence())));
      }
    }

    /** Writes the link's schedule and keeps the due index in step with it. */
    private void schedule(String key, ScheduledLink link) {
      schedule().put(key, link);
      index.put(key, link.nextCheckAt());
    }

    /** Forgets a withdrawn link; whether it was scheduled. */
    private boolean unschedule(String key) {
      index.remove(key);
      return schedule().delete(key) != null;
    }

    private Duration retryAfterSilence() {
      Duration quarter = settings.interval().dividedBy(4);
      return quarter.compareTo(Duration.ofMinutes(2)) > 0 ? quarter : Duration.ofMinutes(2);
    }

    private Duration jittered(Duration base) {
      long millis = Math.max(1, base.toMillis());
      long jitter = millis / 10;
      return Duration.ofMillis(millis - jitter + (jitter == 0 ? 0 : settings.random().nextLong(2 * jitter + 1)));
    }

    private ProcessorContext<String, Object> context() {
      return Objects.requireNonNull(context);
    }

    private KeyValueStore<String, ScheduledLink> schedule() {
      return Objects.requireNonNull(schedule);
    }

    private KeyValueStore<String, LinkHealth> health() {
      return Objects.requireNonNull(health);
    }
  }
}
