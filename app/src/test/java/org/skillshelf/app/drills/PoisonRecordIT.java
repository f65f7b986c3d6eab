package org.skillshelf.app.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.app.Skillshelf;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.kafka.DeadLetter;
import org.skillshelf.kafka.Topic;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;

/**
 * Poison records on every topic: a malformed record and one of an unknown version land on each of
 * {@link Topics#all()} before a real page is submitted. The page must still reach review and the
 * catalogue; each poison record read by a Streams topology or the enrich worker must be on the
 * dead-letter topic with its reason and source; the plain readers skip and count.
 */
class PoisonRecordIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final byte[] MALFORMED = "{\"v\": 1, \"resourceId\": ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UNKNOWN_VERSION = "{\"v\": 99}".getBytes(StandardCharsets.UTF_8);
  /** Read by Kafka Streams topologies (ingest intake, review, link schedule) or by the enrich worker. */
  private static final List<String> DEAD_LETTERED = List.of(Topics.SUBMISSIONS.name(), Topics.ENRICHMENT_REQUESTS.name(),
      Topics.ENRICHED.name(), Topics.DECISIONS.name(), Topics.CATALOGUE.name());

  @TempDir static Path dataDir;
  private static TestWeb web;
  private static SkillshelfProcess app;
  private static Http http;
  private static final List<RecordMetadata> poison = new ArrayList<>();
  private static String resourceId;

  @BeforeAll
  static void poisonEveryTopicThenSubmitARealPage() throws Exception {
    web = TestWeb.start().html("/lessons/zotero", "Managing references with Zotero", "Collect, cite and share sources with a free reference manager.");
    Map<String, String> env = new HashMap<>();
    env.put("SKILLSHELF_HTTP_PORT", "0");
    env.put("SKILLSHELF_DATA_DIR", dataDir.toString());
    env.put("SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8");
    env.put("SKILLSHELF_LINKCHECK_INTERVAL", "PT3S");
    env.put("SKILLSHELF_LINKCHECK_BROKEN_MIN_SPAN", "PT0S");
    env.put("SKILLSHELF_CURATORS", "ada:lovelace-1815");
    env.put("SKILLSHELF_INSTANCE_ID", "poison");
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(env), Skillshelf.services(), Skillshelf::embeddedBroker);
    assertThat(app.awaitReady(PATIENCE)).as("ready: %s", app.health()).isTrue();
    http = new Http(app.baseUrl(), "ada", "lovelace-1815");

    try (var producer = new KafkaProducer<>(Map.<String, Object>of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer())) {
      for (Topic<?> topic : Topics.all()) {
        // Compacted topics refuse records without a key, so every poison record has one.
        poison.add(producer.send(new ProducerRecord<>(topic.name(), "poison-malformed", MALFORMED)).get());
        poison.add(producer.send(new ProducerRecord<>(topic.name(), "poison-v99", UNKNOWN_VERSION)).get());
      }
    }

    var accepted = http.postJson("/api/submissions", Map.of("url", web.url("/lessons/zotero")));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    resourceId = accepted.json().get("resourceId").asText();
    String submissionId = accepted.json().get("id").asText();
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(http.get("/api/submissions/" + submissionId).json().get("status").asText()).isEqualTo("IN_REVIEW"));
    var decision = http.postJson("/api/review/" + resourceId + "/decision", Map.of("decision", "APPROVE"));
    assertThat(decision.status()).as(decision.body()).isEqualTo(202);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (web != null) {
      web.close();
    }
  }

  private static String bootstrap() throws Exception {
    return java.nio.file.Files.readString(dataDir.resolve("broker/broker.properties")).lines()
        .filter(l -> l.startsWith("skillshelf.broker.port="))
        .map(l -> "127.0.0.1:" + l.substring(l.indexOf('=') + 1)).findFirst().orElseThrow();
  }

  @Test
  void aRealPageStillReachesTheCatalogueAfterPoisonOnEveryTopic() {
    await().atMost(PATIENCE).untilAsserted(() -> {
      JsonNode found = http.get("/api/catalogue?q=Zotero").json();
      assertThat(found.get("total").asInt()).isEqualTo(1);
      assertThat(found.get("items").get(0).get("resourceId").asText()).isEqualTo(resourceId);
    });
  }

  @Test
  void poisonReadByTopologiesAndTheEnrichWorkerIsDeadLetteredWithReasonAndSource() {
    List<RecordMetadata> expected = poison.stream().filter(m -> DEAD_LETTERED.contains(m.topic())).toList();
    assertThat(expected).hasSize(2 * DEAD_LETTERED.size());
    await().atMost(PATIENCE).untilAsserted(() -> {
      List<Source> dead = deadLetters();
      for (RecordMetadata m : expected) {
        assertThat(dead).as("dead letter for %s-%d@%d", m.topic(), m.partition(), m.offset())
            .anySatisfy(d -> {
              assertThat(d.topic()).isEqualTo(m.topic());
              assertThat(d.partition()).isEqualTo(m.partition());
              assertThat(d.offset()).isEqualTo(m.offset());
              assertThat(d.reason()).isNotBlank();
            });
      }
    });
  }

  @Test
  void unknownVersionsAreNamedInTheDeadLetterReason() {
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(deadLetters()).filteredOn(d -> d.topic().equals(Topics.SUBMISSIONS.name()))
            .anySatisfy(d -> assertThat(d.reason()).contains("unknown version 99")));
  }

  @Test
  void theSearchIndexerSkipsAndCountsPoisonOnCatalogueAndLinkHealth() {
    // Two poison records on each of catalogue and link-health.
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(metric(http.get("/metrics").body(), "skillshelf_publish_unreadable_total")).isGreaterThanOrEqualTo(4.0));
  }

  @Test
  void linkChecksGoOnPastPoisonOnTheCatalogue() {
    // Checks run every 3 s here, so 45 s is ample for the approved resource's first check.
    await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
        assertThat(http.get("/api/link-health/" + resourceId).json().path("state").asText()).isEqualTo("HEALTHY"));
  }

  @Test
  void deadLettersAreForCuratorsOnly() {
    assertThat(new Http(app.baseUrl(), null, null).get("/api/dead-letters").status()).isEqualTo(401);
    assertThat(new Http(app.baseUrl(), "ada", "wrong").get("/api/dead-letters").status()).isEqualTo(401);
  }

  @Test
  void anOperatorDiscardsOneDeadLetterAndReplaysAnother() {
    String submissions = Topics.SUBMISSIONS.name();
    JsonNode[] pair = new JsonNode[2];
    await().atMost(PATIENCE).untilAsserted(() -> {
      List<JsonNode> fromSubmissions = new ArrayList<>();
      http.get("/api/dead-letters").json().get("items").forEach(i -> {
        if (i.get("sourceTopic").asText().equals(submissions)) {
          fromSubmissions.add(i);
        }
      });
      assertThat(fromSubmissions).hasSizeGreaterThanOrEqualTo(2);
      pair[0] = fromSubmissions.get(0);
      pair[1] = fromSubmissions.get(1);
    });
    assertThat(pair[0].get("reason").asText()).isNotBlank();
    String discarded = pair[0].get("partition").asInt() + "/" + pair[0].get("offset").asLong();
    String replayed = pair[1].get("partition").asInt() + "/" + pair[1].get("offset").asLong();
    long replayedSourceOffset = pair[1].get("sourceOffset").asLong();

    assertThat(http.post("/api/dead-letters/" + discarded + "/discard", "application/json", "").status()).isEqualTo(202);
    assertThat(http.post("/api/dead-letters/" + replayed + "/replay", "application/json", "").status()).isEqualTo(202);
    assertThat(http.post("/api/dead-letters/" + discarded + "/discard", "application/json", "").status())
        .as("a handled dead letter is no longer on the desk").isEqualTo(404);

    // The replayed copy is still poison, so intake dead-letters it again from its new offset.
    await().atMost(PATIENCE).untilAsserted(() -> {
      List<String> listed = new ArrayList<>();
      List<Long> sourceOffsets = new ArrayList<>();
      http.get("/api/dead-letters").json().get("items").forEach(i -> {
        listed.add(i.get("partition").asInt() + "/" + i.get("offset").asLong());
        if (i.get("sourceTopic").asText().equals(submissions) && i.get("key").asText().equals(pair[1].get("key").asText())) {
          sourceOffsets.add(i.get("sourceOffset").asLong());
        }
      });
      assertThat(listed).doesNotContain(discarded, replayed);
      assertThat(sourceOffsets).anySatisfy(o -> assertThat(o).isGreaterThan(replayedSourceOffset));
    });
  }

  /** Where a dead letter came from and why, as its headers say. */
  record Source(String topic, int partition, long offset, String reason) {}

  private static List<Source> deadLetters() throws Exception {
    List<Source> found = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      var partition = new TopicPartition(Topics.DEAD_LETTERS, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (header(r, DeadLetter.TOPIC).isEmpty()) {
            continue; // an operator's replay or discard marker
          }
          found.add(new Source(header(r, DeadLetter.TOPIC), Integer.parseInt(header(r, DeadLetter.PARTITION)),
              Long.parseLong(header(r, DeadLetter.OFFSET)), header(r, DeadLetter.REASON)));
        }
      }
    }
    return found;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static double metric(String prometheus, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(prometheus);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }
}
