package org.skillshelf.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoresTest {

  @Property(tries = 300)
  void findsAKeyOnThePartitionTheProducerSendsItTo(@ForAll String key, @ForAll @IntRange(min = 1, max = 64) int partitions) {
    int producers = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    assertThat(new LocalStores<String>(partitions).partitionOf(key)).isEqualTo(producers);
  }

  @Test
  void readsTheInstanceOfTheKeysPartitionAndDropsItOnceClosed(@TempDir Path state) {
    var stores = new LocalStores<String>(6);
    KeyValueStore<String, String> store = openStore(state);
    store.put("r1", "IN_REVIEW");
    stores.attach(new TaskId(0, stores.partitionOf("r1")), store);
    assertThat(stores.get("r1")).contains("IN_REVIEW");
    assertThat(stores.holds("r1")).isTrue();

    store.close(); // as after a task closed on an error, without detach
    assertThatThrownBy(() -> stores.get("r1")).isInstanceOf(InvalidStateStoreException.class);
    assertThat(stores.holds("r1")).as("the closed instance is dropped").isFalse();
    assertThat(stores.get("r1")).isEmpty();
  }

  private static KeyValueStore<String, String> openStore(Path state) {
    var context = new MockProcessorContext<String, String>(new Properties(), new TaskId(0, 0), state.toFile());
    KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("statuses"),
        Serdes.String(), Serdes.String()).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  @Test
  void aLateDetachLeavesTheInstanceAttachedSinceInPlace(@TempDir Path state) {
    var stores = new LocalStores<String>(1);
    KeyValueStore<String, String> old = openStore(state.resolve("old"));
    KeyValueStore<String, String> current = openStore(state.resolve("current"));
    current.put("r1", "PUBLISHED");
    stores.attach(new TaskId(0, 0), old);
    stores.attach(new TaskId(0, 0), current);
    stores.detach(new TaskId(0, 0), old);
    assertThat(stores.get("r1")).contains("PUBLISHED");
    stores.detach(new TaskId(0, 0), current);
    assertThat(stores.holds("r1")).isFalse();
    old.close();
    current.close();
  }

  @Test
  void findsNothingWhileNoInstanceIsAttached() {
    assertThat(new LocalStores<String>(6).get("r1")).isEmpty();
  }

  @Test
  void refusesFewerThanOnePartition() {
    assertThatThrownBy(() -> new LocalStores<String>(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
