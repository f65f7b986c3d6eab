package org.skillshelf.kafka;

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
import org.skillshelf.web.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topics from their very beginning with a group-less consumer and hands every record to a
 * {@link Follower}: how each instance keeps a full local replica of compacted topics (the search
 * index, the tagger's examples). It reports ready once it has read up to where the topics ended
 * when it started. A record the follower cannot apply is counted in {@code
 * skillshelf.replica.unreadable{replica=NAME}}, logged once and skipped; it never stops the replica.
 *
 * <pre>{@code
 * var replica = new TopicReplica("search-index", List.of(Topics.CATALOGUE.name()), clients, registry, index::apply);
 * replica.start();
 * }</pre>
 */
public final class TopicReplica implements HealthCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicReplica.class);

  /** Applies records to the local model. */
  @FunctionalInterface
  public interface Follower {
    /** Applies one record; a runtime exception marks it unreadable. */
    void apply(ConsumerRecord<String, byte[]> record);

    /** Called after each polled batch that held records, and once on catching up. */
    default void batchApplied() {}
  }

  private final String name;
  private final List<String> topics;
  private final Follower follower;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Counter unreadable;

  public TopicReplica(String name, List<String> topics, KafkaClients clients, MeterRegistry registry, Follower follower) {
    this.name = name;
    this.topics = List.copyOf(topics);
    this.follower = follower;
    this.consumer = new KafkaConsumer<>(clients.reader(name), new StringDeserializer(), new ByteArrayDeserializer());
    this.unreadable = Counter.builder("skillshelf.replica.unreadable").tag("replica", name)
        .description("records a local replica could not apply and skipped").register(registry);
    this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        partitions.addAll(TopicPartitions.of(consumer, topic, Duration.ofSeconds(60)));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        records.forEach(this::apply);
        if (!records.isEmpty()) {
          follower.batchApplied();
        }
        if (!caughtUp.get() && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          follower.batchApplied();
          caughtUp.set(true);
          LOG.info("{} caught up with {}", name, topics);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (RuntimeException e) {
      LOG.error("{} stopped: {}", name, e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * The partitions of a topic, waiting for them to be known: the consumer answers an empty list for
   * a topic whose creation moments ago has not reached its metadata yet, and following nothing
   * would report the replica current with none of that topic's records.
   */
  private void apply(ConsumerRecord<String, byte[]> record) {
    try {
      follower.apply(record);
    } catch (RuntimeException e) {
      unreadable.increment();
      LOG.warn("{} skipped unreadable record {}-{}@{}: {}", name, record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String state() {
    return !thread.isAlive() && running.get() ? "STOPPED" : caughtUp.get() ? "CURRENT" : "CATCHING_UP";
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
