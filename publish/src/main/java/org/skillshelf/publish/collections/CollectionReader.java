package org.skillshelf.publish.collections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
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
import org.skillshelf.events.Collection;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.TopicPartitions;
import org.skillshelf.kafka.Topics;
import org.skillshelf.web.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link CollectionShelf} equal to the collections topic. Like the search indexer it reads
 * every partition from the beginning without a consumer group, so each publish instance holds all
 * collections; it reports ready once it has read to where the topic ended when it started. A record
 * that cannot be read is counted and skipped.
 */
public final class CollectionReader implements HealthCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectionReader.class);

  private final CollectionShelf shelf;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Counter applied;
  private final Counter unreadable;

  public CollectionReader(CollectionShelf shelf, KafkaClients clients, MeterRegistry registry) {
    this.shelf = shelf;
    this.consumer = new KafkaConsumer<>(clients.reader("publish-collections"), new StringDeserializer(), new ByteArrayDeserializer());
    this.applied = Counter.builder("skillshelf.publish.collections.applied").description("collection changes read").register(registry);
    this.unreadable = Counter.builder("skillshelf.publish.collections.unreadable").description("collection records that could not be read").register(registry);
    registry.gauge("skillshelf.publish.collections.size", shelf, CollectionShelf::size);
    this.thread = Thread.ofPlatform().name("collection-reader").daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = TopicPartitions.of(consumer, Topics.COLLECTIONS.name(), Duration.ofSeconds(60));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        records.forEach(this::apply);
        if (!caughtUp.get() && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp.set(true);
          LOG.info("Collections caught up: {} collections", shelf.size());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (WakeupException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      LOG.error("The collection reader stopped: {}", e.toString(), e);
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
      Collection value = Topics.COLLECTIONS.serde().deserializer().deserialize(record.topic(), record.value());
      shelf.apply(record.key(), value, record.offset());
      applied.increment();
    } catch (RuntimeException e) {
      unreadable.increment();
      LOG.warn("Skipped unreadable collection {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }

  @Override
  public String name() {
    return "collections";
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
