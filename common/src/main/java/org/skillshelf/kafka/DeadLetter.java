package org.skillshelf.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.jspecify.annotations.Nullable;

/**
 * A record no stage could read, bound for {@link Topics#DEAD_LETTERS} with why and where it came
 * from in its headers, so an operator can inspect, replay or discard it. The same header names as
 * Kafka Streams' own dead-letter queue are used, so both kinds read alike.
 */
public final class DeadLetter {
  public static final String REASON = "__streams.errors.message";
  public static final String TOPIC = "__streams.errors.topic";
  public static final String PARTITION = "__streams.errors.partition";
  public static final String OFFSET = "__streams.errors.offset";

  private DeadLetter() {}

  public static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> source, String reason) {
    return of(source.topic(), source.partition(), source.offset(), source.key(), source.value(), reason);
  }

  /** The record a typed consumer could not deserialise, from the exception its poll threw. */
  public static ProducerRecord<String, byte[]> of(RecordDeserializationException failure) {
    return of(failure.topicPartition().topic(), failure.topicPartition().partition(), failure.offset(),
        failure.keyBuffer() == null ? null : StandardCharsets.UTF_8.decode(failure.keyBuffer().duplicate()).toString(),
        failure.valueBuffer() == null ? null : bytes(failure.valueBuffer()),
        failure.getCause() != null ? String.valueOf(failure.getCause().getMessage()) : String.valueOf(failure.getMessage()));
  }

  private static ProducerRecord<String, byte[]> of(String topic, int partition, long offset, @Nullable String key,
      byte @Nullable [] value, String reason) {
    var record = new ProducerRecord<>(Topics.DEAD_LETTERS, key, value);
    record.headers()
        .add(REASON, reason.getBytes(StandardCharsets.UTF_8))
        .add(TOPIC, topic.getBytes(StandardCharsets.UTF_8))
        .add(PARTITION, String.valueOf(partition).getBytes(StandardCharsets.UTF_8))
        .add(OFFSET, String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
