package org.skillshelf.linkcheck.schedule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
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
import org.skillshelf.events.LinkHealth;
import org.skillshelf.kafka.EventSerde;
import org.skillshelf.kafka.Topics;
import org.skillshelf.linkcheck.health.HealthRules;

/**
 * Link checking as one Kafka Streams topology, partitioned by host.
 *
 * <p>The catalogue topic (keyed by resourceId) tells which links exist. A routing step remembers
 * each link's host and re-keys the link by host, through a repartition topic; a link that leaves a
 * host (withdrawn, or given a URL elsewhere) is sent there as gone. So every link of one host lands
 * in one schedule task, which one instance runs at a time: that instance's politeness limits see
 * every request to the host, whichever instances run.
 *
 * <p>The schedule task keeps each link's next check time and its health in changelogged stores. A
 * wall-clock punctuator hands the links that are due to a {@link CheckRunner} (the checks run on
 * virtual threads in this process) and applies the results that came back since the last tick: the
 * link's health (also written to the link-health topic) and its next check time. Only the results
 * are written, so a check costs three Kafka records (schedule, health store, health topic). A check
 * under way is known in memory only: if the instance dies first, the store still has the link due
 * and the next owner checks it, so a restart or a rebalance neither skips a link nor schedules it
 * twice (a check may be made twice, which is harmless; its first answer is then lost).
 *
 * <p>Each tick reads only the links that are due, from an in-memory {@link DueIndex} rebuilt from the
 * schedule store when the task starts. It hands over no more than the checker can hold ({@link
 * #MAX_IN_FLIGHT}) and, host by host, no more than {@link #AHEAD_PER_HOST} per host, so that one
 * host with many links due cannot keep the others waiting behind it.
 *
 * <p>New links are checked soon after publishing, spread over a short window; each check then
 * schedules the next one an interval later with ±10% jitter so that checks stay spread out; a link
 * that just failed is re-checked after a quarter of the interval.
 */
public final class LinkScheduleTopology {
  public static final String ROUTE_STORE = "link-routes";
  public static final String SCHEDULE_STORE = "link-schedule";
  public static final String HEALTH_STORE = "link-health";
  private static final Duration TICK = Duration.ofMillis(100);
  /** How long a tick may spend writing the results of checks. */
  private static final Duration RECORDING_PER_TICK = Duration.ofMillis(100);
  /** New links are first checked at a random moment within this window (the default), so a big import does not arrive at once. */
  public static final Duration FIRST_CHECK_WINDOW = Duration.ofSeconds(30);
  /** Checks handed to the runner and not yet finished, across the process; beyond, due links wait in the index. */
  static final int MAX_IN_FLIGHT = 20_000;
  /** Checks of one host handed over and not yet finished, per task. */
  static final int AHEAD_PER_HOST = 64;

  private LinkScheduleTopology() {}

  /** The settings that shape the schedule. */
  public record Settings(Duration interval, HealthRules rules, Clock clock, RandomGenerator random, Duration firstCheckWindow) {
    public Settings(Duration interval, HealthRules rules, Clock clock, RandomGenerator random) {
      this(interval, rules, clock, random, FIRST_CHECK_WINDOW);
    }
  }

  public static Topology build(Settings settings, CheckRunner checks) {
    Serde<HostedLink> hosted = EventSerde.of(HostedLink.class, HostedLink.VERSION);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROUTE_STORE), Serdes.String(), hosted));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCHEDULE_STORE), Serdes.String(),
        EventSerde.of(ScheduledLink.class, ScheduledLink.VERSION)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEALTH_STORE), Serdes.String(),
        Serdes.ByteArray()));
    builder.stream(Topics.CATALOGUE.name(), Consumed.with(Serdes.String(), Topics.CATALOGUE.serde()).withName("catalogue-source"))
        .process(RouteProcessor::new, Named.as("route-by-host"), ROUTE_STORE)
        .repartition(Repartitioned.<String, HostedLink>as("links-by-host").withKeySerde(Serdes.String()).withValueSerde(hosted))
        .process(() -> new ScheduleProcessor(settings, checks), Named.as("schedule"), SCHEDULE_STORE, HEALTH_STORE)
        .to(Topics.LINK_HEALTH.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("health-sink"));
    return builder.build();
  }

  /**
   * The partition key of a link's schedule: its host, lower-cased (ports ignored, since politeness
   * is owed to the machine name); a URL without a readable host gets its whole text, so it still
   * has a stable key.
   */
  public static String hostKey(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null || host.isBlank() ? url : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /**
   * A link's health as the health store keeps it: serialized once, as the link-health topic's
   * value, so that the same bytes go to the store and to the topic.
   */
  public static @Nullable LinkHealth health(byte @Nullable [] stored) {
    return stored == null ? null : Topics.LINK_HEALTH.serde().deserializer().deserialize(Topics.LINK_HEALTH.name(), stored);
  }

  /** Re-keys catalogue links by host, remembering each link's host to tell the old one when it leaves. */
  private static final class RouteProcessor implements Processor<String, CatalogueRecord, String, HostedLink> {
    private @Nullable ProcessorContext<String, HostedLink> context;
    private @Nullable KeyValueStore<String, HostedLink> routes;

    @Override
    public void init(ProcessorContext<String, HostedLink> context) {
      this.context = context;
      this.routes = context.getStateStore(ROUTE_STORE);
    }

    @Override
    public void process(Record<String, CatalogueRecord> record) {
      String id = record.key();
      if (id == null) {
        return;
      }
      KeyValueStore<String, HostedLink> routes = Objects.requireNonNull(this.routes);
      HostedLink before = routes.get(id);
      CatalogueRecord published = record.value();
      HostedLink now = published == null ? null
          : new HostedLink(HostedLink.VERSION, id, published.url(), published.fingerprint());
      if (Objects.equals(before, now)) {
        return; // a republished record with the same link (say, a new description): nothing to tell
      }
      String oldHost = before == null ? null : hostKey(Objects.requireNonNull(before.url()));
      String newHost = now == null ? null : hostKey(Objects.requireNonNull(now.url()));
      if (oldHost != null && !oldHost.equals(newHost)) {
        Objects.requireNonNull(context).forward(record.withKey(oldHost).withValue(HostedLink.gone(id)));
      }
      if (now == null) {
        routes.delete(id);
      } else {
        routes.put(id, now);
        Objects.requireNonNull(context).forward(record.withKey(newHost).withValue(now));
      }
    }
  }

  /** A check that came back, waiting for the stream thread's next tick. */
  private record Finished(String key, String host, @Nullable LinkCheck check, long goodBody, Duration retryIn) {}

  private static final class ScheduleProcessor implements Processor<String, HostedLink, String, byte[]> {
    private final Settings settings;
    private final CheckRunner checks;
    private @Nullable ProcessorContext<String, byte[]> context;
    private @Nullable KeyValueStore<String, ScheduledLink> schedule;
    private @Nullable KeyValueStore<String, byte[]> health;
    private final DueIndex index = new DueIndex();
    /** Filled by the checks' threads, emptied by the stream thread. */
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    /** Cleared when the task closes: answers that arrive later belong to whoever owns the task next. */
    private final AtomicBoolean open = new AtomicBoolean(true);
    /** Checks back from the runner whose results are not written yet; stream thread only. */
    private final Queue<Finished> toRecord = new ArrayDeque<>();
    /** The links handed over and not yet back, and how many per host; stream thread only. */
    private final Set<String> underWay = new HashSet<>();
    private final Map<String, Integer> underWayByHost = new HashMap<>();

    ScheduleProcessor(Settings settings, CheckRunner checks) {
      this.settings = settings;
      this.checks = checks;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      this.schedule = context.getStateStore(SCHEDULE_STORE);
      this.health = context.getStateStore(HEALTH_STORE);
      try (KeyValueIterator<String, ScheduledLink> all = schedule().all()) {
        all.forEachRemaining(kv -> index.put(kv.key, kv.value.nextCheckAt(), hostKey(kv.value.url())));
      }
      context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, HostedLink> record) {
      HostedLink link = record.value();
      if (link == null) {
        return;
      }
      String key = link.resourceId();
      String url = link.url();
      if (url == null) {
        if (unschedule(key)) {
          health().delete(key);
          context().forward(new Record<String, byte[]>(key, null, record.timestamp()));
        }
        return;
      }
      ScheduledLink existing = schedule().get(key);
      if (existing != null && existing.url().equals(url)) {
        if (existing.fingerprint() != link.fingerprint()) {
          schedule().put(key, existing.withFingerprint(link.fingerprint())); // re-approved: compare with the new text from now on
        }
        return;
      }
      long spread = Math.min(settings.interval().toMillis(), settings.firstCheckWindow().toMillis());
      Instant first = settings.clock().instant().plusMillis(spread <= 0 ? 0 : settings.random().nextLong(spread));
      schedule(key, new ScheduledLink(ScheduledLink.VERSION, key, url, link.fingerprint(), first, 0), record.key());
    }

    /**
     * Takes in the checks that came back, hands over the links that are due, then records the
     * checks: a host's finished checks make room for its next ones before the slower writing of
     * their results, so that its lanes do not run dry while results are written. A tick writes
     * results for at most {@link #RECORDING_PER_TICK}; the rest wait for the next tick, so that the
     * stream commits (and the healths become visible) in small steps rather than after one long
     * batch.
     *
     * @param wallClock Kafka Streams' time of this punctuation, the timestamp of what it writes
     */
    private void tick(long wallClock) {
      Finished done;
      while ((done = finished.poll()) != null) {
        underWay.remove(done.key());
        underWayByHost.computeIfPresent(done.host(), (h, n) -> n == 1 ? null : n - 1);
        toRecord.add(done);
      }
      handOverDue();
      Instant now = settings.clock().instant();
      long until = System.nanoTime() + RECORDING_PER_TICK.toNanos();
      while ((done = toRecord.poll()) != null) {
        record(done, now, wallClock);
        if (System.nanoTime() - until > 0) {
          break;
        }
      }
    }

    private void record(Finished done, Instant now, long wallClock) {
      ScheduledLink link = schedule().get(done.key());
      if (link == null) {
        return; // withdrawn while it was checked
      }
      LinkCheck check = done.check();
      if (check == null) {
        index.put(done.key(), now.plus(done.retryIn()), done.host()); // not checked: the store still has it due
      } else if (link.url().equals(check.url())) {
        recordCheck(done, link, check, wallClock);
      }
      // else: given a new URL while the old one was checked; the new one is in the index already
    }

    private void recordCheck(Finished done, ScheduledLink link, LinkCheck check, long wallClock) {
      String key = done.key();
      LinkHealth next = settings.rules().apply(LinkScheduleTopology.health(health().get(key)), check);
      byte[] stored = Topics.LINK_HEALTH.serde().serializer().serialize(Topics.LINK_HEALTH.name(), next);
      health().put(key, stored);
      context().forward(new Record<>(key, stored, wallClock));
      Duration wait = check.outcome().isSuccess() ? jittered(settings.interval()) : jittered(settings.interval().dividedBy(4));
      schedule(key, link.due(check.checkedAt().plus(wait), done.goodBody()), done.host());
    }

    private void handOverDue() {
      int room = MAX_IN_FLIGHT - checks.inFlight();
      if (room <= 0) {
        return;
      }
      List<String> due = index.due(settings.clock().instant(), room, host -> AHEAD_PER_HOST - underWayByHost.getOrDefault(host, 0));
      for (String key : due) {
        if (underWay.contains(key)) {
          continue; // given a new URL while the old one is checked: handed over once that check is back
        }
        ScheduledLink link = schedule().get(key);
        if (link == null) {
          index.remove(key);
          continue;
        }
        String host = Objects.requireNonNull(index.hostOf(key));
        index.remove(key);
        underWay.add(key);
        underWayByHost.merge(host, 1, Integer::sum);
        checks.submit(new LinkCheckRequest(key, link.url(), link.fingerprint(), link.nextCheckAt(), link.knownGoodBody()),
            new CheckRunner.Listener() {
              @Override
              public void checked(LinkCheck check, long goodBody) {
                report(new Finished(key, host, check, goodBody, Duration.ZERO));
              }

              @Override
              public void notChecked(Duration retryIn, String why) {
                report(new Finished(key, host, null, 0, retryIn));
              }
            });
      }
    }

    private void report(Finished done) {
      if (open.get()) {
        finished.add(done);
      }
    }

    @Override
    public void close() {
      open.set(false);
    }

    /** Writes the link's schedule and keeps the due index in step with it. */
    private void schedule(String key, ScheduledLink link, String host) {
      schedule().put(key, link);
      index.put(key, link.nextCheckAt(), host);
    }

    /** Forgets a withdrawn link; whether it was scheduled. */
    private boolean unschedule(String key) {
      index.remove(key);
      return schedule().delete(key) != null;
    }

    private Duration jittered(Duration base) {
      long millis = Math.max(1, base.toMillis());
      long jitter = millis / 10;
      return Duration.ofMillis(millis - jitter + (jitter == 0 ? 0 : settings.random().nextLong(2 * jitter + 1)));
    }

    private ProcessorContext<String, byte[]> context() {
      return Objects.requireNonNull(context);
    }

    private KeyValueStore<String, ScheduledLink> schedule() {
      return Objects.requireNonNull(schedule);
    }

    private KeyValueStore<String, byte[]> health() {
      return Objects.requireNonNull(health);
    }
  }
}
