package org.skillshelf.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class LocalStoresTest {

  @Property(tries = 300)
  void findsAKeyOnThePartitionTheProducerSendsItTo(@ForAll String key, @ForAll @IntRange(min = 1, max = 64) int partitions) {
    int producers = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    assertThat(new LocalStores<String>(partitions).partitionOf(key)).isEqualTo(producers);
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
