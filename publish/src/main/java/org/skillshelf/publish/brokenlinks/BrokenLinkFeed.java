package org.skillshelf.publish.brokenlinks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.skillshelf.events.BrokenLinkDismissal;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.TopicPartitions;
import org.skillshelf.kafka.Topics;
import org.skillshelf.web.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link BrokenLinkBoard} equal to the catalogue, link-health, link-reports and
 * link-dismissals topics. Like the search indexer, each publish instance reads every partition
 * from the beginning without a consumer group, so any instance can serve the queue; it reports
 * ready once it has read up to where the topics ended when it started. A record that cannot be
 * read is counted and skipped.
 */
public final class BrokenLinkFeed implements HealthCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BrokenLinkFeed.class);
  private static final List<String> TOPICS = List.of(Topics.CATALOGUE.name(), Topics.LINK_HEALTH.name(),
      Topics.LINK_REPORTS.name(), Topics.LINK_DISMISSALS.name());

  private final BrokenLinkBoard board;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Counter unreadable;

  public BrokenLinkFeed(BrokenLinkBoard board, KafkaClients clients, MeterRegistry registry) {
    this.board = board;
    this.consumer = new KafkaConsumer<>(clients.reader("publish-broken-links"), new StringDeserializer(), new ByteArrayDeserializer());
    this.unreadable = Counter.builder("skillshelf.publish.brokenlinks.unreadable")
        .description("records the broken-links queue could not read").register(registry);
    registry.gauge("skillshelf.publish.brokenlinks.open", board, b -> b.open().size());
    this.thread = Thread.ofPlatform().name("broken-link-feed").daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        partitions.addAll(TopicPartitions.of(consumer, topic, Duration.ofSeconds(60)));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record);
        }
        if (!caughtUp.get() && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp.set(true);
          LOG.info("Broken-links queue caught up: {} open", board.open().size());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (WakeupException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      LOG.error("The broken-links feed stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String key = record.key();
    if (key == null) {
      unreadable.increment();
      return;
    }
    try {
      String topic = record.topic();
      if (topic.equals(Topics.CATALOGUE.name())) {
        board.catalogued(key, Topics.CATALOGUE.serde().deserializer().deserialize(topic, record.value()));
      } else if (topic.equals(Topics.LINK_HEALTH.name())) {
        board.health(key, Topics.LINK_HEALTH.serde().deserializer().deserialize(topic, record.value()));
      } else if (topic.equals(Topics.LINK_REPORTS.name())) {
        BrokenLinkReport report = Topics.LINK_REPORTS.serde().deserializer().deserialize(topic, record.value());
        if (report != null) {
          board.reported(report);
        }
      } else {
        BrokenLinkDismissal dismissal = Topics.LINK_DISMISSALS.serde().deserializer().deserialize(topic, record.value());
        if (dismissal != null) {
          board.dismissed(dismissal);
        }
      }
    } catch (RuntimeException e) {
      unreadable.increment();
      LOG.warn("Skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }

  @Override
  public String name() {
    return "broken-links";
  }

  @Override
  public String state() {
    return caughtUp.get() ? "CURRENT" : "CATCHING_UP";
  }

  @Override
  public boolean isUp() {
    return caughtUp.get() && thread.isAlive();
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
  }
}
