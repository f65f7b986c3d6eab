package org.skillshelf.linkcheck.check;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkCheckRequest;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.web.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes check requests from Kafka and checks them concurrently on virtual threads, within a global
 * bound; politeness per host is the fetcher's per-host limit. Offsets are committed only after every
 * result of a batch is acknowledged, so a crash repeats checks rather than losing them (a repeated
 * check is harmless).
 */
public final class LinkCheckWorker implements HealthCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkCheckWorker.class);

  private final LinkProbe probe;
  private final EventPublisher publisher;
  private final KafkaConsumer<String, LinkCheckRequest> consumer;
  private final Semaphore global;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private final MeterRegistry registry;
  private final Timer latency;

  public LinkCheckWorker(LinkProbe probe, EventPublisher publisher, KafkaClients clients, int globalConcurrency, MeterRegistry registry) {
    this.probe = probe;
    this.publisher = publisher;
    this.registry = registry;
    this.global = new Semaphore(globalConcurrency);
    this.consumer = new KafkaConsumer<>(clients.consumer("skillshelf-linkcheck-workers", "linkcheck-worker"),
        new StringDeserializer(), Topics.LINK_CHECK_REQUESTS.serde().deserializer());
    this.latency = Timer.builder("skillshelf.linkcheck.check.duration").description("time to check one link").register(registry);
    this.thread = Thread.ofPlatform().name("linkcheck-worker").daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      consumer.subscribe(Set.of(Topics.LINK_CHECK_REQUESTS.name()));
      while (running.get()) {
        ConsumerRecords<String, LinkCheckRequest> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          continue;
        }
        List<Future<?>> sent = new ArrayList<>();
        for (ConsumerRecord<String, LinkCheckRequest> record : records) {
          if (record.value() != null) {
            sent.add(executor.submit(() -> checkAndReport(record.value())));
          }
        }
        for (Future<?> future : sent) {
          future.get();
        }
        consumer.commitSync();
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error("The link-check worker stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void checkAndReport(LinkCheckRequest request) {
    try {
      global.acquire();
      LinkCheck check;
      try {
        check = latency.record(() -> probe.check(request));
      } finally {
        global.release();
      }
      Counter.builder("skillshelf.linkcheck.checks").tag("outcome", check.outcome().name())
          .description("link checks by outcome").register(registry).increment();
      if (!check.outcome().isSuccess()) {
        LOG.info("Link {} ({}): {} — {}", request.resourceId(), request.url(), check.outcome(), check.detail());
      }
      publisher.send(Topics.LINK_CHECKS, request.resourceId(), check);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
