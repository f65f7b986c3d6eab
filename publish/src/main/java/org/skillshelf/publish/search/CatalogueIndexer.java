package org.skillshelf.publish.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.web.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link CatalogueIndex} equal to the catalogue and link-health topics. Each publish
 * instance reads every partition from the beginning (no consumer group), so every instance holds a
 * full replica of the index; it reports ready once it has read up to where the topics ended when it
 * started. A record that cannot be read is counted and skipped, never blocks the index.
 */
public final class CatalogueIndexer implements HealthCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogueIndexer.class);

  private final CatalogueIndex index;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Counter indexed;
  private final Counter unreadable;

  public CatalogueIndexer(CatalogueIndex index, KafkaClients clients, MeterRegistry registry) {
    this.index = index;
    this.consumer = new KafkaConsumer<>(clients.reader("publish-indexer"), new StringDeserializer(), new ByteArrayDeserializer());
    this.indexed = Counter.builder("skillshelf.publish.indexed").description("catalogue changes applied to the search index").register(registry);
    this.unreadable = Counter.builder("skillshelf.publish.unreadable").description("records the indexer could not read").register(registry);
    registry.gauge("skillshelf.publish.catalogue.size", index, CatalogueIndex::size);
    this.thread = Thread.ofPlatform().name("catalogue-indexer").daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.CATALOGUE.name(), Topics.LINK_HEALTH.name())) {
        consumer.partitionsFor(topic, Duration.ofSeconds(60))
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, byte[]> record : records) {
          apply(record);
        }
        if (!records.isEmpty()) {
          index.refresh();
        }
        if (!caughtUp.get() && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          index.refresh();
          caughtUp.set(true);
          LOG.info("Search index caught up: {} published records", index.size());
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      LOG.error("The catalogue indexer stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      unreadable.increment();
      return;
    }
    try {
      if (record.topic().equals(Topics.CATALOGUE.name())) {
        CatalogueRecord value = Topics.CATALOGUE.serde().deserializer().deserialize(record.topic(), record.value());
        if (value == null) {
          index.remove(record.key());
        } else {
          index.put(value);
        }
      } else {
        LinkHealth health = Topics.LINK_HEALTH.serde().deserializer().deserialize(record.topic(), record.value());
        if (health != null) {
          index.linkState(record.key(), health.state());
        }
      }
      indexed.increment();
    } catch (RuntimeException e) {
      unreadable.increment();
      LOG.warn("Skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }

  @Override
  public String name() {
    return "search-index";
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
