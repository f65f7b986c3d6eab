package org.skillshelf.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The partitions of a topic, for readers that assign themselves every partition. Right after the
 * topic is created, a busy broker may not list it yet and {@code partitionsFor} answers an empty
 * list instead of waiting; a reader that assigned nothing then died (or skipped that topic for
 * good), so this asks again until the topic shows up.
 *
 * <pre>{@code
 * consumer.assign(TopicPartitions.of(consumer, Topics.COLLECTIONS.name(), Duration.ofSeconds(60)));
 * }</pre>
 */
public final class TopicPartitions {
  private static final Duration RETRY = Duration.ofMillis(200);

  private TopicPartitions() {}

  /** Every partition of the topic; throws a {@link TimeoutException} if none is listed within the timeout. */
  public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(1, deadline - System.nanoTime());
      List<PartitionInfo> listed = consumer.partitionsFor(topic, Duration.ofNanos(left));
      if (!listed.isEmpty()) {
        return listed.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      if (System.nanoTime() + RETRY.toNanos() > deadline) {
        throw new TimeoutException("the broker listed no partitions of " + topic + " within " + timeout);
      }
      Thread.sleep(RETRY); // asking the broker again; it sends no notice when a topic appears
    }
  }
}
