package org.skillshelf.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.EmbeddedKafkaBroker;

/** A replica started before its topic exists waits for the topic instead of following nothing. */
class TopicReplicaIT {
  @TempDir Path dir;

  @Test
  void waitsForATopicCreatedAfterItStartedAndThenFollowsIt() throws Exception {
    try (var broker = EmbeddedKafkaBroker.start(dir.resolve("broker"))) {
      var clients = new KafkaClients(broker.bootstrapServers(), dir.resolve("clients"), 0);
      List<String> seen = new CopyOnWriteArrayList<>();
      try (var replica = new TopicReplica("late", List.of("late-topic"), clients, new SimpleMeterRegistry(),
          record -> seen.add(record.key()))) {
        replica.start();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> replica.state().equals("CATCHING_UP"));
        try (Admin admin = Admin.create(clients.admin())) {
          admin.createTopics(List.of(new NewTopic("late-topic", 2, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(clients.producer("late-producer"), new StringSerializer(), new ByteArraySerializer())) {
          producer.send(new ProducerRecord<>("late-topic", "k-1", new byte[] {1})).get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          assertThat(replica.isUp()).isTrue();
          assertThat(seen).containsExactly("k-1");
        });
      }
    }
  }
}
