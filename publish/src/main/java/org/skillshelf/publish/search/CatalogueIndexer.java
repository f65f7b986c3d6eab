package org.skillshelf.publish.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.TopicReplica;
import org.skillshelf.kafka.Topics;
import org.skillshelf.web.HealthCheck;

/**
 * Keeps a {@link CatalogueIndex} equal to the catalogue and link-health topics. Every publish
 * instance reads every partition from the beginning, so each holds a full replica of the index and
 * reads scale out by adding instances.
 */
public final class CatalogueIndexer implements HealthCheck, AutoCloseable {
  private final CatalogueIndex index;
  private final TopicReplica replica;
  private final Counter indexed;
  private final Counter unreadable;
  private final List<CatalogueRecord> puts = new ArrayList<>();

  public CatalogueIndexer(CatalogueIndex index, KafkaClients clients, MeterRegistry registry) {
    this.index = index;
    this.indexed = Counter.builder("skillshelf.publish.indexed").description("catalogue changes applied to the search index").register(registry);
    this.unreadable = Counter.builder("skillshelf.publish.unreadable").description("records the indexer could not read").register(registry);
    registry.gauge("skillshelf.publish.catalogue.size", index, CatalogueIndex::size);
    this.replica = new TopicReplica("search-index", List.of(Topics.CATALOGUE.name(), Topics.LINK_HEALTH.name()), clients, registry,
        new TopicReplica.Follower() {
          @Override
          public void apply(ConsumerRecord<String, byte[]> record) {
            CatalogueIndexer.this.apply(record);
          }

          @Override
          public void batchApplied() {
            flushPuts();
            index.refresh();
          }
        });
  }

  public void start() {
    replica.start();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      unreadable.increment();
      throw new SerializationException("a record without a key");
    }
    try {
      if (record.topic().equals(Topics.CATALOGUE.name())) {
        CatalogueRecord value = Topics.CATALOGUE.serde().deserializer().deserialize(record.topic(), record.value());
        if (value == null) {
          flushPuts();
          index.remove(record.key());
        } else {
          puts.add(value);
        }
      } else {
        LinkHealth health = Topics.LINK_HEALTH.serde().deserializer().deserialize(record.topic(), record.value());
        if (health != null) {
          flushPuts();
          index.linkState(record.key(), health.state());
        }
      }
      indexed.increment();
    } catch (RuntimeException e) {
      unreadable.increment();
      throw e;
    }
  }

  /**
   * Publications wait for the end of their polled batch and are then indexed together on all
   * cores; a withdrawal or link check first lets the publications before it through, so the order
   * of the topics holds.
   */
  private void flushPuts() {
    if (!puts.isEmpty()) {
      index.putAll(List.copyOf(puts));
      puts.clear();
    }
  }

  @Override
  public String name() {
    return replica.name();
  }

  @Override
  public String state() {
    return replica.state();
  }

  @Override
  public boolean isUp() {
    return replica.isUp();
  }

  @Override
  public void close() {
    replica.close();
  }
}
