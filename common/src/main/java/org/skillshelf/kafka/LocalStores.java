package org.skillshelf.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The instances of one key-value store that this process's stream threads hold, for reading by
 * key on a hot path (a web request per read). An interactive query through {@link
 * StreamsApp#store} finds the store's instances anew on every read, walking every stream thread's
 * tasks under their locks, and then asks each instance in turn; on the submission path that cost
 * more of the request handler's CPU than anything else it did. Here the processor that owns the
 * store hands each instance over when its task starts processing (its state restored) and takes
 * it back when the task closes, and a read asks only the instance of the key's partition, found as
 * the producer's default partitioner finds it.
 *
 * <p>Reads of one instance take turns: Kafka Streams' RocksDB store holds its monitor for every
 * read and write. Request handlers are virtual threads, and one waiting on a contended monitor
 * first spins on its carrier, of which there are only as many as cores: in a profile of the
 * submission benchmark that spinning was more than half of the handlers' CPU. So readers line up
 * on a lock of this class first, where a waiting virtual thread parks and frees its carrier; only
 * the reader at the front can then meet the stream thread's writes at the monitor. The reads go
 * through the same thread-safe layers (metering, RocksDB) as an interactive query's.
 *
 * <p>A key whose partition another instance of the app holds is not found here, as with an
 * interactive query of the local stores. Read through {@link StreamsApp#lookUp}, which answers 503
 * when the app is not running, or is rebalancing without the key's instance here.
 */
public final class LocalStores<V> {
  private final int partitions;
  /** By partition: a store belongs to one sub-topology, whose tasks differ by partition only. */
  private final Map<Integer, Instance<V>> byPartition = new ConcurrentHashMap<>();

  /** One instance, and the line its readers wait in. */
  private record Instance<V>(ReadOnlyKeyValueStore<String, V> store, Lock turn) {}

  /** @param partitions how many partitions the store's input topics have (its keys are spread over them) */
  public LocalStores(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    this.partitions = partitions;
  }

  /** Called from the owning processor's {@code init}. */
  public void attach(TaskId task, ReadOnlyKeyValueStore<String, V> store) {
    byPartition.put(task.partition(), new Instance<>(store, new ReentrantLock()));
  }

  /**
   * Called from the owning processor's {@code close}, before Kafka Streams closes the store; leaves
   * an instance attached since for the same partition in place.
   */
  public void detach(TaskId task, ReadOnlyKeyValueStore<String, V> store) {
    byPartition.computeIfPresent(task.partition(), (partition, held) -> held.store() == store ? null : held);
  }

  /**
   * The key's value in whichever local instance holds it. Throws Kafka Streams' {@code
   * InvalidStateStoreException} when the instance is closed; {@link StreamsApp#lookUp} turns that,
   * and reads while the app is not running, into a 503. A closed instance is dropped then: a task
   * closed after an error may never have been handed back through {@link #detach}, and its
   * partition may since have moved to another instance of the app.
   */
  public Optional<V> get(String key) {
    int partition = partitionOf(key);
    Instance<V> instance = byPartition.get(partition);
    if (instance == null) {
      return Optional.empty();
    }
    instance.turn().lock();
    try {
      return Optional.ofNullable(instance.store().get(key));
    } catch (InvalidStateStoreException closed) {
      byPartition.remove(partition, instance);
      throw closed;
    } finally {
      instance.turn().unlock();
    }
  }

  /** Whether this process holds the instance of the key's partition now. */
  public boolean holds(String key) {
    return byPartition.containsKey(partitionOf(key));
  }

  /** How many instances this process holds now. */
  public int size() {
    return byPartition.size();
  }

  /** The partition Kafka's default partitioner gives a record with this key (murmur2 of its UTF-8 bytes). */
  int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
