package org.skillshelf.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.skillshelf.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events from request handlers, waiting until every in-sync replica has them: a caller that
 * gets a normal return knows the event is durable; when Kafka cannot take it the caller gets a 503
 * with {@code Retry-After}, never a silent loss.
 */
public final class EventPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaClientMetrics metrics;

  public EventPublisher(KafkaClients clients, String clientId, MeterRegistry registry) {
    this.producer = new KafkaProducer<>(clients.requestProducer(clientId), new StringSerializer(), new ByteArraySerializer());
    this.metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
  }

  /** Sends and waits for the acknowledgement; a null value is a tombstone. */
  public <V> RecordMetadata send(Topic<V> topic, String key, @Nullable V value) {
    return await(sendAsync(topic, key, value), topic);
  }

  /** Sends without waiting; pair with {@link #await} to acknowledge many records in one round trip. */
  public <V> Future<RecordMetadata> sendAsync(Topic<V> topic, String key, @Nullable V value) {
    byte[] bytes = value == null ? null : topic.serde().serializer().serialize(topic.name(), value);
    try {
      return producer.send(new ProducerRecord<>(topic.name(), key, bytes));
    } catch (KafkaException e) {
      LOG.warn("Kafka refused a record for {}: {}", topic.name(), e.toString());
      throw unavailable();
    }
  }

  /**
   * Sends without holding the caller: the future completes once every in-sync replica has the
   * record, or fails with a 503 {@link ApiException} when Kafka did not take it. It completes on the
   * producer's network thread, so whatever follows it should be quick or hop to another executor.
   */
  public <V> CompletableFuture<RecordMetadata> publish(Topic<V> topic, String key, @Nullable V value) {
    byte[] bytes = value == null ? null : topic.serde().serializer().serialize(topic.name(), value);
    CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(topic.name(), key, bytes), (metadata, failure) -> {
        if (failure == null) {
          acknowledged.complete(metadata);
        } else {
          LOG.warn("Kafka did not acknowledge a record for {}: {}", topic.name(), failure.toString());
          acknowledged.completeExceptionally(unavailable());
        }
      });
    } catch (KafkaException e) {
      LOG.warn("Kafka refused a record for {}: {}", topic.name(), e.toString());
      acknowledged.completeExceptionally(unavailable());
    }
    return acknowledged;
  }

  /** Sends an already serialised record (a dead letter) and waits for the acknowledgement. */
  public RecordMetadata sendRecord(ProducerRecord<String, byte[]> record) {
    try {
      return producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      LOG.warn("Kafka did not take a record for {}: {}", record.topic(), e.toString());
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
  }

  public RecordMetadata await(Future<RecordMetadata> pending, Topic<?> topic) {
    try {
      return pending.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Kafka did not acknowledge a record for {}: {}", topic.name(), e.getCause() != null ? e.getCause().toString() : e.toString());
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
  }

  private static ApiException unavailable() {
    return new ApiException(503, "UNAVAILABLE",
        "The event log is not reachable right now, so nothing was recorded; please try again shortly.", Duration.ofSeconds(5));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
    metrics.close();
  }
}
