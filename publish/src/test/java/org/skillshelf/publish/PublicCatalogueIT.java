package org.skillshelf.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.skillshelf.publish.search.Records.record;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.SkillshelfProcess;

/**
 * The public catalogue through HTTP on a real broker: a record published to the catalogue topic
 * appears on the pages, a reader's broken-link report becomes an event, and a withdrawal removes
 * the record from search within a second.
 */
class PublicCatalogueIT {
  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static SkillshelfProcess app;
  private static EventPublisher publisher;
  private static KafkaClients clients;
  private static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(Map.of(
        "SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", dir.toString(), "SKILLSHELF_SERVICES", "publish",
        "SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "SKILLSHELF_CURATORS", "ada:lovelace-1815")),
        Map.of(Service.PUBLISH, PublishService::new), null);
    assertThat(app.awaitReady(Duration.ofSeconds(90))).as("ready: %s", app.health()).isTrue();
    clients = new KafkaClients(broker.bootstrapServers(), dir.resolve("test-clients"), 0);
    publisher = new EventPublisher(clients, "publish-it", new SimpleMeterRegistry());
  }

  @AfterAll
  static void stop() {
    publisher.close();
    app.close();
    broker.close();
  }

  @Test
  void aPublishedRecordIsSearchableReportableAndWithdrawable() throws Exception {
    publisher.send(Topics.CATALOGUE, "it-1", record("it-1", "Fixity checking for archivists",
        "Checksums keep digital collections trustworthy.", List.of("digital-preservation"), "guide", "en", 1));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(get("/search?q=fixity").body()).contains("Fixity checking for archivists"));
    assertThat(get("/").body()).contains("Fixity checking for archivists");

    HttpResponse<String> page = get("/resources/it-1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("application/ld+json").contains("og:title");
    HttpResponse<String> report = post("/resources/it-1/report", "_csrf=" + csrf(page.body()) + "&note=404+today");
    assertThat(report.statusCode()).isEqualTo(303);
    assertThat(reports()).extracting(BrokenLinkReport::resourceId, BrokenLinkReport::note)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("it-1", "404 today"));
    assertThat(post("/resources/it-1/report", "_csrf=forged&note=x").statusCode()).isEqualTo(403);

    publisher.send(Topics.CATALOGUE, "it-1", null);
    await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(get("/api/catalogue?q=fixity").body()).contains("\"total\":0"));
    assertThat(get("/resources/it-1").statusCode()).isEqualTo(404);
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static List<BrokenLinkReport> reports() {
    try (var consumer = new KafkaConsumer<>(clients.reader("publish-it-reader"), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(Topics.LINK_REPORTS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      List<BrokenLinkReport> found = new ArrayList<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r ->
            found.add(Topics.LINK_REPORTS.serde().deserializer().deserialize(r.topic(), r.value())));
        return !found.isEmpty();
      });
      return found;
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
