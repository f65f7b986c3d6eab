package org.skillshelf.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.HangingTransactions.Open;

class HangingTransactionsTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  @TempDir Path dataDir;

  @Test
  void anOpenTransactionTheCoordinatorDoesNotKnowIsHanging() {
    var open = List.of(new Open(P0, 7, 3, 0), new Open(P1, 7, 3, 0), new Open(P0, 8, 1, 0));

    var hanging = HangingTransactions.hanging(open, Map.of(7L, Set.of(P0)));

    assertThat(hanging).containsExactly(new Open(P1, 7, 3, 0), new Open(P0, 8, 1, 0));
  }

  @Test
  void onlyASuspectFoundAgainUnchangedOnTheSecondLookIsHanging() {
    var completedMeanwhile = new Open(P0, 7, 3, 0);
    var stillOpen = new Open(P1, 7, 3, 0);
    var nextEpoch = new Open(P0, 8, 1, 0);

    var hanging = HangingTransactions.stillHanging(List.of(completedMeanwhile, stillOpen, nextEpoch),
        List.of(stillOpen, new Open(P0, 8, 2, 0)));

    assertThat(hanging).containsExactly(stillOpen);
  }

  @Test
  void leavesATransactionInProgressAloneOnALiveBroker() throws Exception {
    try (var broker = EmbeddedKafkaBroker.start(dataDir)) {
      try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
      }
      try (var producer = new KafkaProducer<>(Map.<String, Object>of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
          ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-1"), new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("t", 0, "k", "v")).get();

        assertThat(HangingTransactions.abortAll(broker.bootstrapServers(), Duration.ofSeconds(30))).isZero();

        producer.commitTransaction();
      }
    }
  }
}
