package org.skillshelf.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

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
    var record = new ProducerRecord<>(Topics.DEAD_LETTERS, source.key(), source.value());
    record.headers()
        .add(REASON, reason.getBytes(StandardCharsets.UTF_8))
        .add(TOPIC, source.topic().getBytes(StandardCharsets.UTF_8))
        .add(PARTITION, String.valueOf(source.partition()).getBytes(StandardCharsets.UTF_8))
        .add(OFFSET, String.valueOf(source.offset()).getBytes(StandardCharsets.UTF_8));
    return record;
  }
}
