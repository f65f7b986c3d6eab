package org.skillshelf.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.linkcheck.check.CheckedPage;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;

/**
 * Linkcheck on a real broker against a loopback web of many hosts, each with one behaviour: every
 * link ends in the state its behaviour deserves (dead links BROKEN, flaky or shy ones DEGRADED).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkHealthIT {
  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final String LESSON = "<!doctype html><html><head><title>Git for librarians</title></head><body><main><h1>Git for "
      + "librarians</h1><p>Version control lets a team keep every change to its files, see who changed what and when, and go back "
      + "to any earlier state. We set up Git, make a first repository, commit changes and compare versions.</p></main></body></html>";
  private static final String OTHER = "<!doctype html><html><head><title>Git for librarians</title></head><body><main><h1>Fresh "
      + "bread</h1><p>Our bakery sells sourdough, croissants and cakes every morning. Order online for delivery within the city, "
      + "or visit the shop near the station from seven until noon on weekdays.</p></main></body></html>";

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static SkillshelfProcess process;
  private static Http http;
  private static SkillshelfConfig config;
  private static final List<TestWeb> webs = new ArrayList<>();
  private static final Map<String, String> links = new HashMap<>();

  private static TestWeb host(int n) {
    TestWeb web = TestWeb.start("127.0.0." + n);
    webs.add(web);
    return web;
  }

  private static TestWeb.Response answer(int status, String body, Map<String, String> headers) {
    return new TestWeb.Response(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), headers);
  }

  @BeforeAll
  static void start() throws Exception {
    links.put("healthy", host(2).page("/guide", "text/html; charset=utf-8", LESSON).url("/guide"));
    links.put("notFound", host(3).url("/missing"));
    links.put("gone", host(4).respond("/retired", answer(410, "<title>Gone</title>", Map.of())).url("/retired"));
    links.put("soft404", host(5).respond("/course", answer(200, "<title>Page not found</title><p>Sorry.</p>", Map.of())).url("/course"));
    links.put("redirectHome", host(6).page("/", "text/html; charset=utf-8", "<title>Home</title><p>Welcome</p>")
        .respond("/old/course", answer(301, "", Map.of("Location", "/"))).url("/old/course"));
    links.put("botWall", host(7).respond("/paper", answer(403, "<title>Just a moment...</title><p>Checking your browser</p>", Map.of()))
        .url("/paper"));
    links.put("rateLimited", host(8).respond("/video", answer(429, "<title>Slow down</title>", Map.of("Retry-After", "1"))).url("/video"));
    links.put("serverError", host(9).respond("/slides", answer(500, "<title>Oops</title>", Map.of())).url("/slides"));
    links.put("parked", host(10).page("/course", "text/html; charset=utf-8",
        "<title>course.example</title><h1>This domain is for sale!</h1><p>Buy this domain today.</p>").url("/course"));
    links.put("replaced", host(11).page("/lesson", "text/html; charset=utf-8", OTHER).url("/lesson"));

    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
    Map<String, String> env = new HashMap<>();
    env.put("SKILLSHELF_HTTP_PORT", "0");
    env.put("SKILLSHELF_DATA_DIR", dir.resolve("data").toString());
    env.put("SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers());
    env.put("SKILLSHELF_SERVICES", "linkcheck");
    env.put("SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8");
    env.put("SKILLSHELF_LINKCHECK_INTERVAL", "PT2S");
    env.put("SKILLSHELF_LINKCHECK_BROKEN_AFTER", "2");
    env.put("SKILLSHELF_LINKCHECK_BROKEN_MIN_SPAN", "PT0S");
    env.put("SKILLSHELF_CURATORS", "ada:lovelace-1815");
    env.put("SKILLSHELF_INSTANCE_ID", "linkhealth-it");
    config = SkillshelfConfig.fromEnvironment(env);
    startProcess();
    publishCatalogue();
  }

  private static void startProcess() throws Exception {
    process = SkillshelfProcess.start(config, Map.of(Service.LINKCHECK, LinkcheckService::new), null);
    assertThat(process.awaitReady(PATIENCE)).as("ready: %s", process.health()).isTrue();
    http = new Http(process.baseUrl(), "ada", "lovelace-1815");
  }

  private static void publishCatalogue() {
    long approved = CheckedPage.parse(LESSON).fingerprint();
    var clients = new KafkaClients(broker.bootstrapServers(), dir.resolve("client"), 0);
    try (var producer = new KafkaProducer<>(clients.producer("linkhealth-it"), new StringSerializer(), Topics.CATALOGUE.serde().serializer())) {
      links.forEach((id, url) -> producer.send(new ProducerRecord<>(Topics.CATALOGUE.name(), id, record(id, url, approved))));
      producer.flush();
    }
  }

  private static CatalogueRecord record(String id, String url, long fingerprint) {
    Instant now = Instant.now();
    return new CatalogueRecord(CatalogueRecord.VERSION, id, url, "Git for librarians", null, List.of(), null, "en", null, null, null,
        List.of(), null, null, null, List.of(), "main text", fingerprint, "ada", now, now);
  }

  @AfterAll
  static void stop() {
    if (process != null) {
      process.close();
    }
    if (broker != null) {
      broker.close();
    }
    webs.forEach(TestWeb::close);
  }

  private static void awaitState(String id, String state, String outcome) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      var health = http.get("/api/link-health/" + id).json();
      assertThat(health.path("state").asText()).as("%s: %s", id, health).isEqualTo(state);
      assertThat(health.at("/lastOutcome/outcome").asText()).as("%s: %s", id, health).isEqualTo(outcome);
    });
  }

  @Test
  @Order(1)
  void everyLinkEndsInTheStateItsBehaviourDeserves() {
    awaitState("healthy", "HEALTHY", "OK");
    awaitState("notFound", "BROKEN", "NOT_FOUND");
    awaitState("gone", "BROKEN", "GONE");
    awaitState("soft404", "BROKEN", "SOFT_404");
    awaitState("redirectHome", "BROKEN", "SOFT_404");
    awaitState("parked", "BROKEN", "CONTENT_CHANGED");
    awaitState("replaced", "BROKEN", "CONTENT_CHANGED");
    for (String flaky : List.of("botWall", "rateLimited", "serverError")) {
      await().atMost(PATIENCE).untilAsserted(() ->
          assertThat(http.get("/api/link-health/" + flaky).json().path("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(3));
    }
    assertThat(http.get("/api/link-health/botWall").json().path("state").asText()).isEqualTo("DEGRADED");
    assertThat(http.get("/api/link-health/botWall").json().at("/lastOutcome/outcome").asText()).isEqualTo("BLOCKED");
    assertThat(http.get("/api/link-health/rateLimited").json().path("state").asText()).isEqualTo("DEGRADED");
    assertThat(http.get("/api/link-health/rateLimited").json().at("/lastOutcome/outcome").asText()).isEqualTo("RATE_LIMITED");
    assertThat(http.get("/api/link-health/serverError").json().path("state").asText()).isEqualTo("DEGRADED");
  }

  @Test
  @Order(2)
  void theDashboardAndTheCsvExportShowTheLinks() {
    awaitState("healthy", "HEALTHY", "OK");
    var page = http.get("/health?state=HEALTHY");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Link health", "http-equiv=\"refresh\"", links.get("healthy"), "<p class=\"hint\">1 matching</p>");
    var csv = http.get("/api/link-health.csv?host=127.0.0.2");
    assertThat(csv.raw().headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
    assertThat(csv.body().lines()).hasSize(2).last().asString().startsWith("healthy," + links.get("healthy") + ",127.0.0.2,HEALTHY");
    assertThat(new Http(process.baseUrl(), null, null).get("/health").status()).isEqualTo(401);
    assertThat(http.get("/api/link-health.csv?state=bogus").status()).as("an unknown state is refused").isEqualTo(400);
  }

  /** Checks of the healthy link, oldest first. */
  private static List<Instant> checksOfTheHealthyLink() {
    List<Instant> times = new ArrayList<>();
    http.get("/api/link-health/healthy").json().path("history").forEach(check -> times.add(Instant.parse(check.path("checkedAt").asText())));
    return times.reversed();
  }

  @Test
  @Order(3)
  void aRestartMidCycleNeitherLosesNorDoublesChecks() throws Exception {
    await().atMost(PATIENCE).until(() -> checksOfTheHealthyLink().size() >= 2);
    process.close();
    Instant down = Instant.now();
    startProcess();
    Instant up = Instant.now();
    await().atMost(PATIENCE).until(() -> checksOfTheHealthyLink().stream().filter(t -> t.isAfter(up)).count() >= 2);
    List<Instant> checks = checksOfTheHealthyLink();
    Duration downtime = Duration.between(down, up);
    for (int i = 1; i < checks.size(); i++) {
      Duration gap = Duration.between(checks.get(i - 1), checks.get(i));
      // interval 2 s with ±10% jitter: never closer than 1.8 s (doubled), never further than downtime + 2.2 s + slack (lost)
      assertThat(gap).as("gap %d of %s", i, checks).isGreaterThanOrEqualTo(Duration.ofMillis(1790))
          .isLessThanOrEqualTo(downtime.plusSeconds(6));
    }
  }
}
