package org.skillshelf.publish.collections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.skillshelf.events.Collection;
import org.skillshelf.kafka.TopicReplica;
import org.skillshelf.kafka.Topics;

/**
 * Applies the collections topic to a {@link CollectionShelf}. It runs inside a {@link TopicReplica}
 * over that topic, so each publish instance holds every collection; a record it cannot read is
 * counted and skipped by the replica.
 */
public final class CollectionReader implements TopicReplica.Follower {
  private final CollectionShelf shelf;
  private final Counter applied;

  public CollectionReader(CollectionShelf shelf, MeterRegistry registry) {
    this.shelf = shelf;
    this.applied = Counter.builder("skillshelf.publish.collections.applied").description("collection changes read").register(registry);
    registry.gauge("skillshelf.publish.collections.size", shelf, CollectionShelf::size);
  }

  @Override
  public void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      throw new SerializationException("a collection record without a key");
    }
    Collection value = Topics.COLLECTIONS.serde().deserializer().deserialize(record.topic(), record.value());
    shelf.apply(record.key(), value, record.offset());
    applied.increment();
  }
}
