package org.skillshelf.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.skillshelf.web.ApiException;

class MovableStoreTest {
  /** A store that Kafka Streams has moved away: a get fails, and so does an iterator after its first entry. */
  private static final class MovedAway implements ReadOnlyKeyValueStore<String, String> {
    @Override
    public String get(String key) {
      throw new InvalidStateStoreException("the stream thread is STARTING, not RUNNING");
    }

    @Override
    public KeyValueIterator<String, String> range(String from, String to) {
      return all();
    }

    @Override
    public KeyValueIterator<String, String> all() {
      Iterator<KeyValue<String, String>> first = List.of(KeyValue.pair("a", "1")).iterator();
      return new KeyValueIterator<>() {
        @Override
        public boolean hasNext() {
          if (first.hasNext()) {
            return true;
          }
          throw new InvalidStateStoreException("the store was closed while it was read");
        }

        @Override
        public KeyValue<String, String> next() {
          return first.next();
        }

        @Override
        public String peekNextKey() {
          throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public long approximateNumEntries() {
      return 1;
    }
  }

  private final MovableStore<String, String> store =
      new MovableStore<>(new MovedAway(), () -> ApiException.unavailable("The test stage is rebalancing."));

  @Test
  void aReadOfAMovedStoreAnswersUnavailable() {
    assertThatThrownBy(() -> store.get("a")).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
  }

  @Test
  void anIterationCutShortByAMoveAnswersUnavailableAfterWhatItRead() {
    try (KeyValueIterator<String, String> it = store.all()) {
      assertThat(it.next().value).isEqualTo("1");
      assertThatThrownBy(it::hasNext).isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
    }
  }
}
