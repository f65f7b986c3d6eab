package org.skillshelf.publish.brokenlinks;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.skillshelf.events.BrokenLinkDismissal;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.kafka.TopicReplica;
import org.skillshelf.kafka.Topics;

/**
 * Applies the catalogue, link-health, link-reports and link-dismissals topics to a {@link
 * BrokenLinkBoard}. It runs inside a {@link TopicReplica} over {@link #TOPICS}, so any publish
 * instance can serve the queue; a record it cannot read is counted and skipped by the replica.
 */
public final class BrokenLinkFeed implements TopicReplica.Follower {
  /** The topics the board is made of. */
  public static final List<String> TOPICS = List.of(Topics.CATALOGUE.name(), Topics.LINK_HEALTH.name(),
      Topics.LINK_REPORTS.name(), Topics.LINK_DISMISSALS.name());

  private final BrokenLinkBoard board;

  public BrokenLinkFeed(BrokenLinkBoard board, MeterRegistry registry) {
    this.board = board;
    registry.gauge("skillshelf.publish.brokenlinks.open", board, b -> b.open().size());
  }

  @Override
  public void apply(ConsumerRecord<String, byte[]> record) {
    String key = record.key();
    if (key == null) {
      throw new SerializationException("a record without a key");
    }
    String topic = record.topic();
    if (topic.equals(Topics.CATALOGUE.name())) {
      board.catalogued(key, Topics.CATALOGUE.serde().deserializer().deserialize(topic, record.value()));
    } else if (topic.equals(Topics.LINK_HEALTH.name())) {
      board.health(key, Topics.LINK_HEALTH.serde().deserializer().deserialize(topic, record.value()));
    } else if (topic.equals(Topics.LINK_REPORTS.name())) {
      BrokenLinkReport report = Topics.LINK_REPORTS.serde().deserializer().deserialize(topic, record.value());
      if (report != null) {
        board.reported(report);
      }
    } else {
      BrokenLinkDismissal dismissal = Topics.LINK_DISMISSALS.serde().deserializer().deserialize(topic, record.value());
      if (dismissal != null) {
        board.dismissed(dismissal);
      }
    }
  }
}
