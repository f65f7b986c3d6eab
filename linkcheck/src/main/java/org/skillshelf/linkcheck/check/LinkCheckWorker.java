package org.skillshelf.linkcheck.check;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkCheckRequest;
import org.skillshelf.kafka.DeadLetter;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes check requests from Kafka and checks them on virtual threads, at most a few at once per
 * host ({@link HostLanes}). The consumer keeps polling while checks run (a host that makes its
 * checks wait never stalls other hosts), pauses
 * when too many checks are in flight, and commits each partition only up to its first unfinished
 * check, so a crash repeats checks rather than losing them (a repeated check is harmless). A link
 * already being checked is not checked twice at once.
 */
public final class LinkCheckWorker implements HealthCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkCheckWorker.class);
  private static final int MAX_IN_FLIGHT = 20_000;

  private final LinkProbe probe;
  private final EventPublisher publisher;
  private final KafkaConsumer<String, LinkCheckRequest> consumer;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HostLanes lanes;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private final MeterRegistry registry;
  /** Made on first use, then found here rather than looked up in the registry for every check. */
  private final Map<CheckOutcome, Counter> checksByOutcome = new ConcurrentHashMap<>();
  private final Timer latency;
  private final Counter deferred;
  private final PartitionProgress progress = new PartitionProgress();
  private final LinkedBlockingQueue<ConsumerRecord<String, LinkCheckRequest>> done = new LinkedBlockingQueue<>();
  private final Set<String> checking = ConcurrentHashMap.newKeySet();

  /** @param perHost checks of one host at once (requests are the probe's fetcher's to limit) */
  public LinkCheckWorker(LinkProbe probe, EventPublisher publisher, KafkaClients clients, MeterRegistry registry, int perHost) {
    this.probe = probe;
    this.lanes = new HostLanes(perHost, executor);
    this.publisher = publisher;
    this.registry = registry;
    Map<String, Object> props = clients.consumer("skillshelf-linkcheck-workers", "linkcheck-worker");
    // A crashed instance keeps its hosts' checks until its session expires: 10 s, not the default
    // 45 s, as for the schedule's stream (see LinkcheckService).
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), Topics.LINK_CHECK_REQUESTS.serde().deserializer());
    this.latency = Timer.builder("skillshelf.linkcheck.check.duration").description("time to check one link").register(registry);
    this.deferred = Counter.builder("skillshelf.linkcheck.deferred")
        .description("checks dropped because their host asked for a long backoff; the schedule re-sends them").register(registry);
    Gauge.builder("skillshelf.linkcheck.waiting", lanes, HostLanes::waiting)
        .description("checks taken from Kafka and waiting for their host's turn").register(registry);
    this.thread = Thread.ofPlatform().name("linkcheck-worker").daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      consumer.subscribe(Set.of(Topics.LINK_CHECK_REQUESTS.name()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          commitFinished();
          progress.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
      });
      while (running.get()) {
        ConsumerRecords<String, LinkCheckRequest> polled;
        try {
          polled = consumer.poll(Duration.ofMillis(200));
        } catch (RecordDeserializationException poison) {
          deadLetter(poison);
          continue;
        }
        for (ConsumerRecord<String, LinkCheckRequest> record : polled) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          progress.started(partition, record.offset());
          if (record.value() == null || !checking.add(record.value().resourceId())) {
            done.add(record);
          } else {
            // Keyed by host (see LinkScheduleTopology.hostKey): one lane set per host.
            lanes.submit(record.key() == null ? "" : record.key(), () -> checkAndReport(record));
          }
        }
        commitFinished();
        if (progress.inFlight() > MAX_IN_FLIGHT) {
          consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
          consumer.resume(consumer.paused());
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (Exception e) {
      LOG.error("The link-check worker stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** An unreadable request goes to the dead-letter topic and the worker moves past it. */
  private void deadLetter(RecordDeserializationException poison) {
    TopicPartition partition = poison.topicPartition();
    LOG.warn("Unreadable check request {}@{} sent to the dead-letter topic: {}", partition, poison.offset(),
        poison.getCause() == null ? poison.getMessage() : poison.getCause().getMessage());
    publisher.sendRecord(DeadLetter.of(poison));
    progress.started(partition, poison.offset());
    progress.finished(partition, poison.offset());
    consumer.seek(partition, poison.offset() + 1);
  }

  private void commitFinished() {
    ConsumerRecord<String, LinkCheckRequest> record;
    while ((record = done.poll()) != null) {
      progress.finished(new TopicPartition(record.topic(), record.partition()), record.offset());
    }
    var offsets = progress.committable();
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
    }
  }

  private void checkAndReport(ConsumerRecord<String, LinkCheckRequest> record) {
    LinkCheckRequest request = record.value();
    try {
      long t0 = System.nanoTime();
      LinkCheck check = probe.check(request);
      if (executor.isShutdown()) {
        // close() cancels the fetches in flight once the consumer is closed, and a cancelled fetch
        // reads as CONNECTION_FAILED, which says nothing about the link. The request's offset was
        // not committed, so whoever owns the partition next checks the link again.
        return;
      }
      latency.record(Duration.ofNanos(System.nanoTime() - t0));
      checksByOutcome.computeIfAbsent(check.outcome(), outcome -> Counter.builder("skillshelf.linkcheck.checks")
          .tag("outcome", outcome.name()).description("link checks by outcome").register(registry)).increment();
      if (!check.outcome().isSuccess()) {
        LOG.info("Link {} ({}): {} — {}", request.resourceId(), request.url(), check.outcome(), check.detail());
      }
      publisher.send(Topics.LINK_CHECKS, request.resourceId(), check);
    } catch (HostBackingOff e) {
      deferred.increment();
      LOG.debug("Link {} not checked now: {}", request.resourceId(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ApiException unrecorded) {
      // Kafka did not take the result (a broker outage, or the process stopping): the schedule,
      // hearing no answer, sends the request again after its silence timeout. One line, no trace.
      if (!executor.isShutdown()) {
        LOG.warn("The check of {} was not recorded; it will be requested again: {}", request.url(), unrecorded.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.warn("Checking {} failed unexpectedly: {}", request.url(), e.toString(), e);
    } finally {
      checking.remove(request.resourceId());
      done.add(record);
    }
  }

  @Override
  public String name() {
    return "linkcheck-worker";
  }

  @Override
  public String state() {
    return thread.isAlive() ? "RUNNING" : "STOPPED";
  }

  @Override
  public boolean isUp() {
    return thread.isAlive();
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
