package org.skillshelf.publish.brokenlinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.Json;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.publish.PublishService;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;

/**
 * The broken-links queue on a real broker: approved records whose link health is BROKEN or that a
 * reader reported appear in the API and on the page (escaped, with CSRF-protected forms), and
 * replace, withdraw and dismiss each take their record out of the queue.
 */
class BrokenLinkQueueIT {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final String HOSTILE = "<script>alert(1)</script>\" onmouseover=\"x";
  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("ada:lovelace-1815".getBytes(StandardCharsets.UTF_8));
  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static SkillshelfProcess app;
  private static EventPublisher publisher;
  private static Http api;
  private static final CookieManager BROWSER_COOKIES = new CookieManager();
  private static final HttpClient BROWSER = HttpClient.newBuilder().cookieHandler(BROWSER_COOKIES).build();

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(Map.of(
        "SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", dir.toString(), "SKILLSHELF_SERVICES", "publish",
        "SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "SKILLSHELF_CURATORS", "ada:lovelace-1815")),
        Map.of(Service.PUBLISH, PublishService::new), null);
    assertThat(app.awaitReady(Duration.ofSeconds(90))).as("ready: %s", app.health()).isTrue();
    publisher = new EventPublisher(new KafkaClients(broker.bootstrapServers(), dir.resolve("test-clients"), 0), "broken-it",
        new SimpleMeterRegistry());
    api = new Http(app.baseUrl(), "ada", "lovelace-1815");
    for (String id : List.of("gone", "moved", "fine", "evil", "stale")) {
      publishApproved(id, id.equals("evil") ? HOSTILE : "Lesson " + id);
    }
    broken("gone");
    broken("moved");
    broken("evil");
    broken("stale");
    publisher.send(Topics.LINK_REPORTS, "fine", new BrokenLinkReport(BrokenLinkReport.VERSION, "p1", "fine", url("fine"),
        "asks me to log in </textarea>", T0));
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ids()).contains("gone", "moved", "fine", "evil", "stale"));
  }

  @AfterAll
  static void stop() {
    publisher.close();
    app.close();
    broker.close();
  }

  private static String url(String id) {
    return "https://example.org/" + id;
  }

  private static void publishApproved(String id, String title) {
    publisher.send(Topics.ENRICHED, id, new EnrichedResource(1, id, url(id), null, EnrichedResource.EnrichmentStatus.ENRICHED,
        ResourceMetadata.empty().withTitle(title), "text", 42, List.of(), List.of(), List.of(), null, null, null, T0));
    await().atMost(Duration.ofSeconds(15)).until(() -> api.postJson("/api/review/" + id + "/decision",
        Map.of("decision", "APPROVE")).status() == 202);
    await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/catalogue/" + id).status() == 200);
  }

  private static void broken(String id) {
    var check = new LinkCheck(LinkCheck.VERSION, id, url(id), CheckOutcome.NOT_FOUND, 404, url(id), 5, "the server answered 404", T0);
    publisher.send(Topics.LINK_HEALTH, id, new LinkHealth(LinkHealth.VERSION, id, url(id), LinkState.BROKEN, 3, T0, T0, null, check,
        List.of(LinkHealth.PastCheck.of(check)), null));
  }

  private static List<String> ids() {
    JsonNode items = api.get("/api/broken-links").json().get("items");
    return items.findValuesAsText("resourceId");
  }

  private static HttpResponse<String> browse(String path, String form) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", AUTH);
    if (form != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theApiNeedsACurator() {
    assertThat(new Http(app.baseUrl(), null, null).get("/api/broken-links").status()).isEqualTo(401);
  }

  @Test
  void theApiListsBrokenAndReportedLinksWithWhy() throws Exception {
    JsonNode items = api.get("/api/broken-links").json().get("items");
    JsonNode fine = null;
    for (JsonNode item : items) {
      if (item.get("resourceId").asText().equals("fine")) {
        fine = item;
      }
    }
    assertThat(fine).isNotNull();
    assertThat(fine.get("broken").asBoolean()).isFalse();
    assertThat(fine.get("reports").asInt()).isEqualTo(1);
    assertThat(Json.mapper().writeValueAsString(items)).contains("\"lastOutcome\":\"NOT_FOUND\"");
  }

  @Test
  void thePageShowsHostileTextAsTextWithCsrfProtectedForms() throws Exception {
    HttpResponse<String> page = browse("/review/broken-links", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x")
        .contains("asks me to log in &lt;/textarea&gt;").doesNotContain("<script>alert").doesNotContain("\" onmouseover=\"x")
        .contains("name=\"_csrf\"");
  }

  @Test
  void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
    assertThat(browse("/review/broken-links/fine/dismiss", "_csrf=forged").statusCode()).isEqualTo(403);
    assertThat(ids()).contains("fine");
  }

  @Test
  void dismissingFromThePageTakesTheEntryOut() throws Exception {
    // A fresh browser: on its first visit every form of the page must carry the cookie's token.
    BROWSER_COOKIES.getCookieStore().removeAll();
    String page = browse("/review/broken-links", null).body();
    String token = csrf(page);
    assertThat(Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page).results().map(m -> m.group(1)).distinct())
        .as("every form carries the one token").containsExactly(token);
    HttpResponse<String> done = browse("/review/broken-links/stale/dismiss", "_csrf=" + token + "&note=checked+by+hand");
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(ids()).doesNotContain("stale");
  }

  @Test
  void replacingTheLinkRepublishesTheRecordAndTakesItOut() {
    assertThat(api.postJson("/api/broken-links/moved", Map.of("action", "REPLACE", "url", "https://example.net/moved")).status())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(api.get("/api/catalogue/moved").body()).contains("https://example.net/moved");
      assertThat(ids()).doesNotContain("moved");
    });
  }

  @Test
  void aReplacementThatIsNoWebAddressIsRefused() {
    Http.Answer answer = api.postJson("/api/broken-links/gone", Map.of("action", "REPLACE", "url", "javascript:alert(1)"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("INVALID_URL");
  }

  @Test
  void withdrawingNeedsAReasonAndThenRemovesTheRecord() {
    assertThat(api.postJson("/api/broken-links/gone", Map.of("action", "WITHDRAW")).status()).isEqualTo(400);
    assertThat(api.postJson("/api/broken-links/gone", Map.of("action", "WITHDRAW", "reason", "the site is gone")).status())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(api.get("/api/catalogue/gone").status()).isEqualTo(404);
      assertThat(ids()).doesNotContain("gone");
    });
  }

  @Test
  void anEntryNotInTheQueueIs404() {
    assertThat(api.postJson("/api/broken-links/nobody", Map.of("action", "DISMISS")).status()).isEqualTo(404);
  }
}
