package org.skillshelf.publish.collections;

import org.jspecify.annotations.Nullable;
import org.skillshelf.events.Collection;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.Topics;

/** Where collection changes are written: the collections topic, or a list in tests. */
@FunctionalInterface
public interface CollectionLog {
  /**
   * Writes the change and returns once it is durable.
   *
   * @param collection the new state, or null to delete
   * @return the offset the change was written at
   */
  long write(String id, @Nullable Collection collection);

  /** The collections topic, acknowledged before returning (a 503 when Kafka cannot take it). */
  static CollectionLog on(EventPublisher publisher) {
    return (id, collection) -> publisher.send(Topics.COLLECTIONS, id, collection).offset();
  }
}
