package org.skillshelf.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Drops the log lines Kafka writes for an out-of-order sequence that is retried by design. With
 * transactions v2 a partition accepts only sequence 0 as a producer's first batch of a new epoch,
 * and refuses a pipelined second batch with a retriable {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until
 * the first is in (KAFKA-18202). The producer retries and succeeds, yet the broker logs an error
 * with a stack trace and the producer a warning for every partition of the batch: dozens of lines
 * for nothing on a busy start. A real sequence problem fails the transaction, which the stage
 * logs itself.
 */
public final class RetriedSequenceNoise extends TurboFilter {
  private static final String BROKER_APPENDS = "kafka.server.ReplicaManager";
  private static final String PRODUCER_SENDER = "org.apache.kafka.clients.producer.internals.Sender";
  private static final String RETRIED = Errors.OUT_OF_ORDER_SEQUENCE_NUMBER.name();

  @Override
  public FilterReply decide(@Nullable Marker marker, Logger logger, @Nullable Level level, @Nullable String format,
      Object @Nullable [] params, @Nullable Throwable failure) {
    if (level == null || format == null) {
      return FilterReply.NEUTRAL;
    }
    boolean noise = switch (logger.getName()) {
      case BROKER_APPENDS -> failure instanceof OutOfOrderSequenceException;
      case PRODUCER_SENDER -> format.contains("retrying") && mentionsRetriedSequence(params);
      default -> false;
    };
    return noise ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  private static boolean mentionsRetriedSequence(Object @Nullable [] params) {
    if (params == null) {
      return false;
    }
    for (Object param : params) {
      if (param != null && param.toString().contains(RETRIED)) {
        return true;
      }
    }
    return false;
  }
}
