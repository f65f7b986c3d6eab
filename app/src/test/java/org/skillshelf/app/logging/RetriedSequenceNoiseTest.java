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

  @Test
  void dropsTheBrokersStackTraceForARetriedSequence() {
    var reply = filter.decide(null, context.getLogger("kafka.server.ReplicaManager"), Level.ERROR,
        "Error processing append operation on partition t-0", null, new OutOfOrderSequenceException("expected 0"));

    assertThat(reply).isEqualTo(FilterReply.DENY);
  }

  @Test
  void keepsTheBrokersOtherAppendErrors() {
    var reply = filter.decide(null, context.getLogger("kafka.server.ReplicaManager"), Level.ERROR,
        "Error processing append operation on partition t-0", null, new RecordTooLargeException("too large"));

    assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void dropsTheProducersRetryWarningForARetriedSequence() {
    var reply = filter.decide(null, context.getLogger("org.apache.kafka.clients.producer.internals.Sender"), Level.WARN,
        "Got error produce response with correlation id {} on topic-partition {}, retrying ({} attempts left). Error: {}",
        new Object[] {32, "t-0", 7, "OUT_OF_ORDER_SEQUENCE_NUMBER"}, null);

    assertThat(reply).isEqualTo(FilterReply.DENY);
  }

  @Test
  void keepsTheProducersOtherRetryWarnings() {
    var reply = filter.decide(null, context.getLogger("org.apache.kafka.clients.producer.internals.Sender"), Level.WARN,
        "Got error produce response with correlation id {} on topic-partition {}, retrying ({} attempts left). Error: {}",
        new Object[] {32, "t-0", 7, "NOT_LEADER_OR_FOLLOWER"}, null);

    assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
  }
}
