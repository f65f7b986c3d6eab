package org.skillshelf.app.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.app.Skillshelf;
import org.skillshelf.broker.EmbeddedKafkaCluster;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;

/**
 * Split-mode services against three in-process KRaft nodes (replication 3, min.insync.replicas 2):
 * one node down loses and doubles nothing and processing goes on; two down makes the API answer
 * 503 with Retry-After; both back, it recovers. The phases build on each other, so they run in order.
 * It runs in every {@code verify}; three brokers in one JVM make it the slowest class (about a minute).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerFaultIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int PAGES = 40;

  @TempDir static Path dataDir;
  private static EmbeddedKafkaCluster cluster;
  private static TestWeb web;
  private static SkillshelfProcess app;
  private static Http http;
  private static final Map<String, String> acknowledged = new HashMap<>();

  @BeforeAll
  static void startClusterAndServices() throws Exception {
    cluster = EmbeddedKafkaCluster.start(dataDir.resolve("cluster"), 3);
    web = TestWeb.start();
    for (int i = 0; i <= PAGES + 1; i++) {
      web.html("/lessons/" + i, "Fault drill lesson " + i, "Lesson " + i + " about metadata, cataloguing and open licences.");
    }
    Map<String, String> env = new HashMap<>();
    env.put("SKILLSHELF_HTTP_PORT", "0");
    env.put("SKILLSHELF_DATA_DIR", dataDir.resolve("services").toString());
    env.put("SKILLSHELF_KAFKA_BOOTSTRAP", cluster.bootstrapServers());
    env.put("SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8");
    env.put("SKILLSHELF_SUBMIT_RATE", "0");
    env.put("SKILLSHELF_CURATORS", "ada:lovelace-1815");
    env.put("SKILLSHELF_INSTANCE_ID", "faults");
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(env), Skillshelf.services(), null);
    assertThat(app.awaitReady(PATIENCE)).as("ready: %s", app.health()).isTrue();
    http = new Http(app.baseUrl(), "ada", "lovelace-1815");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (web != null) {
      web.close();
    }
  }

  @Test
  @Order(1)
  void oneNodeDownDuringSubmissionsLosesAndDoublesNothing() throws Exception {
    int refused = 0;
    for (int i = 0; i < PAGES; i++) {
      if (i == PAGES / 4) {
        cluster.stop(3);
      }
      var answer = http.postJson("/api/submissions", Map.of("url", web.url("/lessons/" + i)));
      if (answer.status() == 202) {
        acknowledged.put(answer.json().get("id").asText(), answer.json().get("resourceId").asText());
      } else {
        refused++;
      }
    }
    assertThat(refused).as("submissions refused with one node down").isZero();
    Map<String, Long> logged = submissionsInTheLog();
    assertThat(acknowledged.keySet()).allSatisfy(id -> assertThat(logged.get(id)).as("copies of %s", id).isEqualTo(1L));
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(http.get("/api/review/queue?limit=500").json().get("items").findValuesAsText("resourceId"))
            .containsExactlyInAnyOrderElementsOf(acknowledged.values()));
  }

  @Test
  @Order(2)
  void twoNodesDownTheApiAnswers503WithRetryAfter() {
    cluster.stop(2);
    await().atMost(PATIENCE).untilAsserted(() -> {
      var answer = http.postJson("/api/submissions", Map.of("url", web.url("/lessons/" + PAGES)));
      assertThat(answer.status()).as(answer.body()).isEqualTo(503);
      assertThat(answer.raw().headers().firstValue("Retry-After")).isPresent();
    });
  }

  @Test
  @Order(3)
  void withTheNodesBackSubmissionsAreAcceptedAndReviewedAgain() {
    cluster.restart(2, 3);
    String[] resourceId = new String[1];
    await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      var answer = http.postJson("/api/submissions", Map.of("url", web.url("/lessons/" + (PAGES + 1))));
      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
      resourceId[0] = answer.json().get("resourceId").asText();
    });
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(http.get("/api/review/queue?limit=500").json().get("items").findValuesAsText("resourceId"))
            .contains(resourceId[0]));
  }

  /** How many times each submission id is in the submissions topic (committed records only). */
  private static Map<String, Long> submissionsInTheLog() {
    List<SubmissionReceived> found = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBMISSIONS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          found.add(Topics.SUBMISSIONS.serde().deserializer().deserialize(r.topic(), r.value()));
        }
      }
    }
    return found.stream().collect(Collectors.groupingBy(SubmissionReceived::submissionId, Collectors.counting()));
  }
}
