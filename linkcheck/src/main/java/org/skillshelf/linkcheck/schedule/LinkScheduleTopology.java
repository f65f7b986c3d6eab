package org.skillshelf.linkcheck.schedule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>The schedule task keeps each link ({@link ScheduledLink}) and its health in changelogged
 * stores; the health holds the link's next check time. A wall-clock punctuator hands the links
 * that are due to a {@link CheckRunner} (the checks run on virtual threads in this process) and
 * applies the results that came back since the last tick: the link's health, with its next check
 * time, goes to the store (in a compact binary form, {@link StoredHealth}), and to the link-health
 * topic (as JSON) when it is news ({@link #isNews}). So a
 * check of a healthy link that is still fine costs one Kafka record (the store's changelog), and
 * one that changes the link's health two; the schedule store changes only when the link does. A
 * check under way is known in memory only: if the instance dies first, the health still has the
 * link due and the next owner checks it, so a restart or a rebalance neither skips a link nor
 * schedules it twice (a check may be made twice, which is harmless; its first answer is then lost).
 *
 * <p>Each tick reads only the links that are due, from an in-memory {@link DueIndex} rebuilt from the
 * stores when the task starts. It hands over no more than the checker can hold ({@link
 * #MAX_IN_FLIGHT}) and, host by host, no more than {@link #AHEAD_PER_HOST} per host, so that one
 * host with many links due cannot keep the others waiting behind it.
 *
 * <p>New links are checked soon after publishing, spread over a short window; each check then
 * schedules the next one an interval later with ±10% jitter so that checks stay spread out; a link
 * that just failed is re-checked after a quarter of the interval.
 */
public final class LinkScheduleTopology {
  private static final Logger LOG = LoggerFactory.getLogger(LinkScheduleTopology.class);
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
        .to(Topics.LINK_HEALTH.name(), Produced.with(Serdes.String(), Topics.LINK_HEALTH.serde()).withName("health-sink"));
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
   * Whether a link's new health says something its last one did not, and so goes to the
   * link-health topic: a first health, another state, address, run of failures or outcome. A
   * healthy link found as it was is only written to the store (whose health also tells when it was
   * checked): the topic's record for it still tells the catalogue all there is to tell, and most
   * checks are of such links. (When a link moves to another host, the old host's tombstone may
   * reach the topic after the new host's first health; the catalogue ignores tombstones, and a
   * link in trouble is news at every check, so nothing downstream stays wrong past its next check.)
   */
  static boolean isNews(@Nullable LinkHealth before, LinkHealth after) {
    if (before == null || before.state() != after.state() || !before.url().equals(after.url())
        || before.consecutiveFailures() != after.consecutiveFailures()) {
      return true;
    }
    LinkCheck was = before.lastOutcome();
    LinkCheck is = after.lastOutcome();
    return was == null || is == null || was.outcome() != is.outcome() || was.status() != is.status()
        || !Objects.equals(was.finalUrl(), is.finalUrl());
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

  /** A check that came back, waiting for the stream thread's next tick; {@code link} as it was handed over. */
  private record Finished(ScheduledLink link, String host, @Nullable LinkCheck check, long goodBody, Duration retryIn) {}

  /**
   * What a schedule processor keeps in memory, from one {@code init} to the {@code close} after it.
   * Kafka Streams may initialise a closed processor again: it keeps a task's processors when the
   * task turns from active to standby and back (a rebalance moves the task to another instance, a
   * later one brings it back). So each {@code init} starts a run of its own, and an answer to a
   * check that an earlier run handed over goes to that run's queue, which nobody reads any more.
   */
  private static final class Run {
    final DueIndex index = new DueIndex();
    /** Filled by the checks' threads, emptied by the stream thread. */
    final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    /** Cleared when the processor closes: answers that arrive later belong to whoever runs the task next. */
    volatile boolean open = true;
    /** Checks back from the runner whose results are not written yet; stream thread only. */
    final Queue<Finished> toRecord = new ArrayDeque<>();
    /**
     * The links handed over and not yet recorded, each as it was handed over; stream thread only. A
     * link withdrawn, moved or re-approved meanwhile leaves this map, and the answer for it is not
     * recorded: only an answer for the very link handed over is.
     */
    final Map<String, ScheduledLink> handedOver = new HashMap<>();
    /** Checks handed over and not yet back, per host; stream thread only. */
    final Map<String, Integer> underWayByHost = new HashMap<>();

    void report(Finished done) {
      if (open) {
        finished.add(done);
      }
    }
  }

  static final class ScheduleProcessor implements Processor<String, HostedLink, String, LinkHealth> {
    private final Settings settings;
    private final CheckRunner checks;
    private @Nullable ProcessorContext<String, LinkHealth> context;
    private @Nullable KeyValueStore<String, ScheduledLink> schedule;
    private @Nullable KeyValueStore<String, byte[]> health;
    /** What this processor keeps in memory; made afresh by each {@link #init}. */
    private Run run = new Run();

    ScheduleProcessor(Settings settings, CheckRunner checks) {
      this.settings = settings;
      this.checks = checks;
    }

    @Override
    public void init(ProcessorContext<String, LinkHealth> context) {
      this.context = context;
      this.schedule = context.getStateStore(SCHEDULE_STORE);
      this.health = context.getStateStore(HEALTH_STORE);
      this.run = new Run();
      long started = System.nanoTime();
      try (KeyValueIterator<String, ScheduledLink> all = schedule().all()) {
        all.forEachRemaining(kv -> {
          StoredHealth.Stored stored = StoredHealth.read(health().get(kv.key));
          ScheduledLink link = kv.value.knowingThePageFoundFine(stored);
          run.index.put(link, link.dueAt(stored == null ? null : stored.health()), hostKey(link.url()));
        });
      }
      LOG.info("Link schedule task {}: {} links read in {} ms", context.taskId(), run.index.size(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
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
          context().forward(new Record<String, LinkHealth>(key, null, record.timestamp()));
        }
        return;
      }
      ScheduledLink existing = schedule().get(key);
      if (existing != null && existing.url().equals(url)) {
        if (existing.fingerprint() != link.fingerprint()) {
          reapproved(existing.withFingerprint(link.fingerprint()), record.key());
        }
        return;
      }
      long spread = Math.min(settings.interval().toMillis(), settings.firstCheckWindow().toMillis());
      Instant first = settings.clock().instant().plusMillis(spread <= 0 ? 0 : settings.random().nextLong(spread));
      run.handedOver.remove(key); // an answer for the old URL is not recorded
      schedule(new ScheduledLink(ScheduledLink.VERSION, key, url, link.fingerprint(), first, 0), first, record.key());
    }

    /**
     * Compares the page with the new text from now on. A check under way compares it with the old
     * text, so its answer is not recorded and the link is checked again at once.
     */
    private void reapproved(ScheduledLink link, String host) {
      DueIndex.Due indexed = run.index.get(link.resourceId());
      run.handedOver.remove(link.resourceId());
      schedule(link, indexed != null ? indexed.at() : settings.clock().instant(), host);
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
      while ((done = run.finished.poll()) != null) {
        run.underWayByHost.computeIfPresent(done.host(), (h, n) -> n == 1 ? null : n - 1);
        run.toRecord.add(done);
      }
      handOverDue();
      Instant now = settings.clock().instant();
      long until = System.nanoTime() + RECORDING_PER_TICK.toNanos();
      while ((done = run.toRecord.poll()) != null) {
        record(done, now, wallClock);
        if (System.nanoTime() - until > 0) {
          break;
        }
      }
    }

    private void record(Finished done, Instant now, long wallClock) {
      String key = done.link().resourceId();
      if (run.handedOver.get(key) != done.link()) {
        return; // withdrawn, moved or re-approved while it was checked
      }
      run.handedOver.remove(key);
      LinkCheck check = done.check();
      if (check == null) {
        run.index.put(done.link(), now.plus(done.retryIn()), done.host()); // not checked: its health still has it due
      } else {
        recordCheck(done, check, wallClock);
      }
    }

    /**
     * Writes the link's new health, which holds its next check time and the page found fine, and
     * publishes it if it is news.
     */
    private void recordCheck(Finished done, LinkCheck check, long wallClock) {
      ScheduledLink link = done.link();
      String key = link.resourceId();
      Duration wait = check.outcome().isSuccess() ? jittered(settings.interval()) : jittered(settings.interval().dividedBy(4));
      Instant next = check.checkedAt().plus(wait);
      LinkHealth before = StoredHealth.decode(health().get(key));
      LinkHealth updated = settings.rules().apply(before, check).withNextCheckAt(next);
      health().put(key, StoredHealth.encode(updated, new StoredHealth.KnownGood(done.goodBody(), link.fingerprint())));
      if (isNews(before, updated)) {
        context().forward(new Record<>(key, updated, wallClock));
      }
      run.index.put(done.goodBody() == link.knownGoodBody() ? link : link.withKnownGoodBody(done.goodBody()), next, done.host());
    }

    private void handOverDue() {
      int room = MAX_IN_FLIGHT - checks.inFlight();
      if (room <= 0) {
        return;
      }
      Run current = run;
      List<DueIndex.Due> due = current.index.due(settings.clock().instant(), room,
          host -> AHEAD_PER_HOST - current.underWayByHost.getOrDefault(host, 0));
      for (DueIndex.Due one : due) {
        ScheduledLink link = one.link();
        String host = one.host();
        current.index.remove(one.key());
        current.handedOver.put(one.key(), link);
        current.underWayByHost.merge(host, 1, Integer::sum);
        checks.submit(new LinkCheckRequest(one.key(), link.url(), host, link.fingerprint(), one.at(), link.knownGoodBody()),
            new CheckRunner.Listener() {
              @Override
              public void checked(LinkCheck check, long goodBody) {
                current.report(new Finished(link, host, check, goodBody, Duration.ZERO));
              }

              @Override
              public void notChecked(Duration retryIn, String why) {
                current.report(new Finished(link, host, null, 0, retryIn));
              }
            });
      }
    }

    @Override
    public void close() {
      run.open = false;
    }

    /** Writes the link to the schedule, due at {@code due}, and keeps the due index in step with it. */
    private void schedule(ScheduledLink link, Instant due, String host) {
      schedule().put(link.resourceId(), link);
      run.index.put(link, due, host);
    }

    /** Forgets a withdrawn link; whether it was scheduled. */
    private boolean unschedule(String key) {
      run.index.remove(key);
      run.handedOver.remove(key);
      return schedule().delete(key) != null;
    }

    private Duration jittered(Duration base) {
      long millis = Math.max(1, base.toMillis());
      long jitter = millis / 10;
      return Duration.ofMillis(millis - jitter + (jitter == 0 ? 0 : settings.random().nextLong(2 * jitter + 1)));
    }

    private ProcessorContext<String, LinkHealth> context() {
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
