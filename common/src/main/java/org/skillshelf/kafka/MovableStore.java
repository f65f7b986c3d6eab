package org.skillshelf.kafka;

import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.skillshelf.web.ApiException;

/**
 * A store of an interactive query whose reads turn Kafka Streams' {@link InvalidStateStoreException}
 * into the caller's {@code unavailable} answer (a 503). Kafka Streams can move a store away between
 * finding it and reading it (at start, during a rebalance), and then throws from the read itself,
 * or from an iterator half-way, rather than from the lookup.
 */
final class MovableStore<K, V> implements ReadOnlyKeyValueStore<K, V> {
  private final ReadOnlyKeyValueStore<K, V> store;
  private final Supplier<ApiException> unavailable;

  MovableStore(ReadOnlyKeyValueStore<K, V> store, Supplier<ApiException> unavailable) {
    this.store = store;
    this.unavailable = unavailable;
  }

  private <T> T read(Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidStateStoreException e) {
      throw unavailable.get();
    }
  }

  private KeyValueIterator<K, V> iterator(Supplier<KeyValueIterator<K, V>> open) {
    KeyValueIterator<K, V> it = read(open);
    return new KeyValueIterator<>() {
      @Override
      public boolean hasNext() {
        return read(it::hasNext);
      }

      @Override
      public KeyValue<K, V> next() {
        return read(it::next);
      }

      @Override
      public K peekNextKey() {
        return read(it::peekNextKey);
      }

      @Override
      public void close() {
        read(() -> {
          it.close();
          return null;
        });
      }
    };
  }

  @Override
  public V get(K key) {
    return read(() -> store.get(key));
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    return iterator(() -> store.range(from, to));
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    return iterator(() -> store.reverseRange(from, to));
  }

  @Override
  public KeyValueIterator<K, V> all() {
    return iterator(store::all);
  }

  @Override
  public KeyValueIterator<K, V> reverseAll() {
    return iterator(store::reverseAll);
  }

  @Override
  public <S extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, S prefixKeySerializer) {
    return iterator(() -> store.prefixScan(prefix, prefixKeySerializer));
  }

  @Override
  public long approximateNumEntries() {
    return read(store::approximateNumEntries);
  }
}
