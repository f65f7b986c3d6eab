package org.skillshelf.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class TopicPartitionsTest {

  /** A consumer whose broker lists the topic only from the given call on (never when 0). */
  private static MockConsumer<String, String> listingFromCall(int firstListingCall, AtomicInteger calls) {
    return new MockConsumer<>("earliest") {
      @Override
      public List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
        if (firstListingCall == 0 || calls.incrementAndGet() < firstListingCall) {
          return List.of();
        }
        return List.of(new PartitionInfo(topic, 0, null, null, null), new PartitionInfo(topic, 1, null, null, null));
      }
    };
  }

  @Test
  void asksAgainWhileTheBrokerDoesNotListTheNewTopicYet() throws Exception {
    var calls = new AtomicInteger();
    try (var consumer = listingFromCall(3, calls)) {
      assertThat(TopicPartitions.of(consumer, "skillshelf.collections", Duration.ofSeconds(10)))
          .containsExactly(new TopicPartition("skillshelf.collections", 0), new TopicPartition("skillshelf.collections", 1));
      assertThat(calls.get()).isEqualTo(3);
    }
  }

  @Test
  void givesUpWithATimeoutWhenTheTopicNeverShowsUp() {
    try (var consumer = listingFromCall(0, new AtomicInteger())) {
      assertThatThrownBy(() -> TopicPartitions.of(consumer, "skillshelf.collections", Duration.ofMillis(500)))
          .isInstanceOf(TimeoutException.class).hasMessageContaining("skillshelf.collections");
    }
  }
}
