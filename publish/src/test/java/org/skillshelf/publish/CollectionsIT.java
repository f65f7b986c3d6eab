package org.skillshelf.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.skillshelf.publish.search.Records.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.Json;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.SkillshelfProcess;

/**
 * Collections through HTTP on a real broker: a curator builds a three-step learning path through
 * the API, publishes it, sees it on the public pages in order, reorders it, unpublishes it, and
 * reads the coverage figures.
 */
class CollectionsIT {
  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("ada:lovelace-1815".getBytes(StandardCharsets.UTF_8));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static SkillshelfProcess app;
  private static EventPublisher publisher;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(Map.of(
        "SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", dir.toString(), "SKILLSHELF_SERVICES", "publish",
        "SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "SKILLSHELF_CURATORS", "ada:lovelace-1815")),
        Map.of(Service.PUBLISH, PublishService::new), null);
    assertThat(app.awaitReady(Duration.ofSeconds(90))).as("ready: %s", app.health()).isTrue();
    publisher = new EventPublisher(new KafkaClients(broker.bootstrapServers(), dir.resolve("test-clients"), 0), "collections-it",
        new SimpleMeterRegistry());
    publisher.send(Topics.CATALOGUE, "p-1", record("p-1", "Why preserve digital files", "Intro.", List.of("digital-preservation"), "guide", "en", 1));
    publisher.send(Topics.CATALOGUE, "p-2", record("p-2", "Checksums in practice", "Fixity.", List.of("digital-preservation"), "course", "en", 2));
    publisher.send(Topics.CATALOGUE, "p-3", record("p-3", "Archiving the web", "Crawls.", List.of("web-archiving"), "guide", "en", 3));
    await().atMost(Duration.ofSeconds(10)).until(() -> send("GET", "/api/catalogue/p-3", null, false).statusCode() == 200);
  }

  @AfterAll
  static void stop() {
    publisher.close();
    app.close();
    broker.close();
  }

  @Test
  void aLearningPathIsBuiltPublishedReorderedAndUnpublished() throws Exception {
    String path = """
        {"title": "Preservation in three steps", "kind": "LEARNING_PATH", "level": "beginner", "estimatedMinutes": 90,
         "guestCurator": "Grace <b>Hopper</b>", "guestCuratorBio": "Archivist.",
         "steps": [%s]}""";
    String inOrder = "{\"resourceId\":\"p-1\",\"note\":\"Start here\"},{\"resourceId\":\"p-2\"},{\"resourceId\":\"p-3\"}";
    assertThat(send("POST", "/api/collections", path.formatted(inOrder), false).statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = send("POST", "/api/collections", path.formatted("{\"resourceId\":\"nope\"}"), true);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("UNKNOWN_RESOURCE");

    HttpResponse<String> created = send("POST", "/api/collections", path.formatted(inOrder), true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asText();
    assertThat(send("GET", "/collections", null, false).body()).doesNotContain("Preservation in three steps");

    assertThat(send("POST", "/api/collections/" + id + "/publish", "", true).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/collections", null, false).body()).contains("Preservation in three steps");
    String page = send("GET", "/collections/" + id, null, false).body();
    assertThat(page).contains("Grace &lt;b&gt;Hopper&lt;/b&gt;", "Level: beginner", "about 90 minutes", "Start here", "href=\"/resources/p-1\"");
    assertThat(titlesIn(page)).containsExactly("Why preserve digital files", "Checksums in practice", "Archiving the web");
    assertThat(send("GET", "/", null, false).body()).contains("Featured collections", "Preservation in three steps");
    assertThat(send("GET", "/feed.xml?collection=" + id, null, false).body()).contains("Checksums in practice");
    assertThat(send("GET", "/oai?verb=ListSets", null, false).body()).contains("collection:" + id);

    String reversed = "{\"resourceId\":\"p-3\"},{\"resourceId\":\"p-2\"},{\"resourceId\":\"p-1\",\"note\":\"Start here\"}";
    assertThat(send("PUT", "/api/collections/" + id, path.formatted(reversed), true).statusCode()).isEqualTo(200);
    assertThat(titlesIn(send("GET", "/collections/" + id, null, false).body()))
        .containsExactly("Archiving the web", "Checksums in practice", "Why preserve digital files");

    assertThat(send("POST", "/api/collections/" + id + "/unpublish", "", true).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/collections", null, false).body()).doesNotContain("Preservation in three steps");
    assertThat(send("GET", "/collections/" + id, null, false).statusCode()).isEqualTo(404);
    assertThat(json(send("GET", "/api/collections/" + id, null, true)).get("published").asBoolean()).isFalse();
  }

  @Test
  void coverageCountsPublishedResourcesBySkillTypeAndLevel() throws Exception {
    assertThat(send("GET", "/api/coverage", null, false).statusCode()).isEqualTo(401);
    JsonNode coverage = json(send("GET", "/api/coverage", null, true));
    JsonNode preservation = row(coverage.get("skills"), "digital-preservation");
    assertThat(preservation.get("total").asInt()).isEqualTo(2);
    assertThat(preservation.at("/byType/guide").asInt()).isEqualTo(1);
    assertThat(preservation.at("/byType/course").asInt()).isEqualTo(1);
    assertThat(preservation.at("/byLevel/beginner").asInt()).isEqualTo(2);
    assertThat(row(coverage.get("skills"), "linked-data").get("state").asText()).isEqualTo("GAP");
    assertThat(row(coverage.get("competences"), "1.3").get("total").asInt()).isEqualTo(3);
    assertThat(send("GET", "/coverage", null, true).body()).contains("Digital preservation", "gap");
  }

  @Test
  void theCuratorFormsNeedTheCsrfTokenAndShowWhatWasTypedWhenRefused() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String form = browser.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/curate/collections/new"))
        .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).isTrue();
    String fields = "title=%3Cscript%3Ex%3C%2Fscript%3E&kind=LEARNING_PATH&resourceId=p-1&note=&resourceId=missing&note=later";
    assertThat(postForm(browser, "/curate/collections", fields).statusCode()).isEqualTo(403);
    HttpResponse<String> refused = postForm(browser, "/curate/collections", "_csrf=" + csrf.group(1) + "&" + fields);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("&lt;script&gt;x&lt;/script&gt;", "value=\"missing\"", "not a published resource")
        .doesNotContain("<script>x");
  }

  private static HttpResponse<String> postForm(HttpClient client, String path, String form) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", AUTH)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> titlesIn(String page) {
    return List.of("Why preserve digital files", "Checksums in practice", "Archiving the web").stream()
        .filter(page::contains).sorted(java.util.Comparator.comparingInt(page::indexOf)).toList();
  }

  private static JsonNode row(JsonNode rows, String id) {
    for (JsonNode row : rows) {
      if (row.get("id").asText().equals(id)) {
        return row;
      }
    }
    throw new AssertionError("no row " + id + " in " + rows);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String body, boolean curator) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (curator) {
      request.header("Authorization", AUTH);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
