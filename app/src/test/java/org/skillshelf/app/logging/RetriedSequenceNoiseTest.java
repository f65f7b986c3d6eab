package org.skillshelf.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class RetriedSequenceNoiseTest {
  private final LoggerContext context = new LoggerContext();
  private final RetriedSequenceNoise filter = new RetriedSequenceNoise();

  /** What the filter says of the broker's error line for a refused append. */
  private FilterReply brokerAppendFailed(Throwable failure) {
    return filter.decide(null, context.getLogger("kafka.server.ReplicaManager"), Level.ERROR,
        "Error processing append operation on partition t-0", null, failure);
  }

  /** What the filter says of the producer's warning that it retries after an error. */
  private FilterReply producerRetries(String error) {
    return filter.decide(null, context.getLogger("org.apache.kafka.clients.producer.internals.Sender"), Level.WARN,
        "Got error produce response with correlation id {} on topic-partition {}, retrying ({} attempts left). Error: {}",
        new Object[] {32, "t-0", 7, error}, null);
  }

  @Test
  void dropsTheBrokersStackTraceForARetriedSequence() {
    assertThat(brokerAppendFailed(new OutOfOrderSequenceException("expected 0"))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void keepsTheBrokersOtherAppendErrors() {
    assertThat(brokerAppendFailed(new RecordTooLargeException("too large"))).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void dropsTheProducersRetryWarningForARetriedSequence() {
    assertThat(producerRetries("OUT_OF_ORDER_SEQUENCE_NUMBER")).isEqualTo(FilterReply.DENY);
  }

  @Test
  void keepsTheProducersOtherRetryWarnings() {
    assertThat(producerRetries("NOT_LEADER_OR_FOLLOWER")).isEqualTo(FilterReply.NEUTRAL);
  }
}
