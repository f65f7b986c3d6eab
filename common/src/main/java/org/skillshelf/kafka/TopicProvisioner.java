package org.skillshelf.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Skillshelf's topics at start-up, idempotently. Replication follows the cluster: three
 * replicas with {@code min.insync.replicas=2} where there are three brokers or more, so one broker
 * can fail without losing an acknowledged record; one replica on a single-node cluster.
 */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  /** Creates every topic that is missing; existing topics are left as they are. */
  public static void ensureTopics(KafkaClients clients) {
    try (Admin admin = Admin.create(clients.admin())) {
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      short replicas = (short) Math.min(3, brokers);
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?> topic : Topics.all()) {
        if (!existing.contains(topic.name())) {
          missing.add(newTopic(topic.name(), topic.partitions(), replicas, topic.config()));
        }
      }
      if (!existing.contains(Topics.DEAD_LETTERS)) {
        missing.add(newTopic(Topics.DEAD_LETTERS, 1, replicas,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30L * 24 * 3600 * 1000))));
      }
      for (NewTopic topic : missing) {
        try {
          admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
          LOG.info("Created topic {} ({} partitions, {} replicas)", topic.name(), topic.numPartitions(), replicas);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot reach Kafka at " + clients.bootstrapServers() + " to create topics: " + e, e);
    }
  }

  public static NewTopic newTopic(String name, int partitions, short replicas, Map<String, String> config) {
    Map<String, String> settings = new HashMap<>(config);
    settings.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas >= 3 ? "2" : "1");
    return new NewTopic(name, partitions, replicas).configs(settings);
  }
}
