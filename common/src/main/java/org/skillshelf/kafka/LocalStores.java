package org.skillshelf.kafka;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The instances of one key-value store that this process's stream threads hold, for reading by
 * key on a hot path (a web request per read). An interactive query through {@link
 * StreamsApp#store} finds the store's instances anew on every read, walking every stream thread's
 * tasks under their locks; on the submission path that walk cost more of the request handler's CPU
 * than anything else it did. Here the processor that owns the store hands each instance over
 * when its task starts processing (its state restored) and takes it back when the task closes, so
 * a read is a look into a handful of stores. The reads go through the same thread-safe layers
 * (metering, cache, RocksDB) as an interactive query's.
 *
 * <p>A key whose partition another instance of the app holds is not found here, as with an
 * interactive query of the local stores. Read through {@link StreamsApp#lookUp}, which answers 503
 * while the app is restoring or rebalancing.
 */
public final class LocalStores<V> {
  private final Map<TaskId, ReadOnlyKeyValueStore<String, V>> byTask = new ConcurrentHashMap<>();

  /** Called from the owning processor's {@code init}. */
  public void attach(TaskId task, ReadOnlyKeyValueStore<String, V> store) {
    byTask.put(task, store);
  }

  /** Called from the owning processor's {@code close}, before Kafka Streams closes the store. */
  public void detach(TaskId task) {
    byTask.remove(task);
  }

  /**
   * The key's value in whichever local instance holds it. Throws Kafka Streams' {@code
   * InvalidStateStoreException} when an instance closed during the read; {@link StreamsApp#lookUp}
   * turns that, and reads while the app is not running, into a 503.
   */
  public Optional<V> get(String key) {
    for (ReadOnlyKeyValueStore<String, V> store : byTask.values()) {
      V value = store.get(key);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** How many instances this process holds now. */
  public int size() {
    return byTask.size();
  }
}
