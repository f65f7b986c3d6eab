package org.skillshelf.publish.workspace;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.kafka.TopicReplica;
import org.skillshelf.kafka.Topics;

/**
 * Applies the submissions and link-health topics to a {@link ResourceTrail}. It runs inside a
 * {@link TopicReplica} over {@link #TOPICS}, read from their beginning by every publish instance; a
 * record it cannot read is counted and skipped by the replica.
 */
public final class ResourceTrailFeed implements TopicReplica.Follower {
  /** The topics the trail is made of. */
  public static final List<String> TOPICS = List.of(Topics.SUBMISSIONS.name(), Topics.LINK_HEALTH.name());

  private final ResourceTrail trail;

  public ResourceTrailFeed(ResourceTrail trail) {
    this.trail = trail;
  }

  @Override
  public void apply(ConsumerRecord<String, byte[]> record) {
    if (record.topic().equals(Topics.SUBMISSIONS.name())) {
      SubmissionReceived submission = Topics.SUBMISSIONS.serde().deserializer().deserialize(record.topic(), record.value());
      if (submission != null) {
        trail.submitted(submission);
      }
    } else {
      LinkHealth health = Topics.LINK_HEALTH.serde().deserializer().deserialize(record.topic(), record.value());
      if (health != null) {
        trail.linkHealth(health, Instant.ofEpochMilli(record.timestamp()));
      }
    }
  }
}
