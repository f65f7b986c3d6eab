package org.skillshelf.publish.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.events.LikelyDuplicate;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.events.Problem;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.events.Submitter;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.publish.PublishService;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;

/**
 * The curators' workspace against a real broker and the publish service: who may do what, conflicts
 * between curators, edits, withdrawals and history. Review items are fed as enrichment events.
 * The login throttle counts per address, and every request here comes from 127.0.0.1, so the test
 * that trips it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CuratorWorkspaceIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String HOSTILE_TITLE = "<script>alert(1)</script>\" onmouseover=\"x";

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static SkillshelfProcess process;
  private static KafkaProducer<String, EnrichedResource> producer;
  private static Http ada;
  private static Http grace;
  private static Browser browser;
  private static EventPublisher events;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
    SkillshelfConfig config = SkillshelfConfig.fromEnvironment(Map.of(
        "SKILLSHELF_HTTP_PORT", "0",
        "SKILLSHELF_DATA_DIR", dir.toString(),
        "SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "SKILLSHELF_SERVICES", "publish",
        "SKILLSHELF_CURATORS", "ada:lovelace-1815,grace:hopper-1906",
        "SKILLSHELF_INSTANCE_ID", "curator-it"));
    process = SkillshelfProcess.start(config, Map.of(Service.PUBLISH, PublishService::new), null);
    assertThat(process.awaitReady(PATIENCE)).as("ready: %s", process.health()).isTrue();
    var clients = new KafkaClients(broker.bootstrapServers(), dir.resolve("client"), 0);
    producer = new KafkaProducer<>(clients.producer("curator-it"), new StringSerializer(), Topics.ENRICHED.serde().serializer());
    ada = new Http(process.baseUrl(), "ada", "lovelace-1815");
    grace = new Http(process.baseUrl(), "grace", "hopper-1906");
    browser = new Browser(process.baseUrl());
    events = new EventPublisher(clients, "curator-it-events", new SimpleMeterRegistry());
    assertThat(browser.login("ada", "lovelace-1815").statusCode()).isEqualTo(303);
  }

  @AfterAll
  static void stop() {
    if (producer != null) {
      producer.close();
    }
    if (events != null) {
      events.close();
    }
    if (process != null) {
      process.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** Puts a resource into the review queue and waits until the queue holds it. */
  private static String inQueue(String title) throws Exception {
    String id = "r-" + UUID.randomUUID();
    var metadata = ResourceMetadata.empty().withTitle(title);
    var enriched = new EnrichedResource(EnrichedResource.VERSION, id, "https://example.org/" + id, null,
        EnrichedResource.EnrichmentStatus.ENRICHED, metadata, "Some text about catalogues and metadata.", 42L,
        List.of(new SkillSuggestion("digcomp-1", "Information and data literacy", 0.8, List.of("metadata"))),
        List.of(), List.of(new LikelyDuplicate("r-other", 0.93)), null, null, null, Instant.now());
    producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), id, enriched)).get();
    await().atMost(PATIENCE).until(() -> ada.get("/api/resources/" + id).status() == 200);
    return id;
  }

  /** Puts a resource whose enrichment failed into the queue and waits until the queue holds it. */
  private static String failedInQueue(String message) throws Exception {
    String id = "r-" + UUID.randomUUID();
    var failed = new EnrichedResource(EnrichedResource.VERSION, id, "https://example.org/" + id, null,
        EnrichedResource.EnrichmentStatus.FAILED, ResourceMetadata.empty(), "", 0L, List.of(), List.of(), List.of(), null,
        new Problem("TIMEOUT", message), null, Instant.now());
    producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), id, failed)).get();
    await().atMost(PATIENCE).until(() -> ada.get("/api/resources/" + id).status() == 200);
    return id;
  }

  private static void awaitPublished(String id) {
    await().atMost(PATIENCE).until(() -> ada.get("/api/catalogue/" + id).status() == 200);
  }

  @Test
  void anonymousCallersAreAskedToSignIn() {
    var answer = new Http(process.baseUrl(), null, null).get("/api/review/queue");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThat(new Http(process.baseUrl(), "ada", "wrong").get("/api/review/queue").status()).isEqualTo(401);
  }

  @Test
  void aSessionCanReadTheApiWithoutCsrf() {
    assertThat(browser.get("/api/review/queue").statusCode()).isEqualTo(200);
  }

  @Test
  void aSessionMustSendTheCsrfTokenToDecide() throws Exception {
    String id = inQueue("Session decisions");
    var refused = browser.json("/api/review/" + id + "/decision", "{\"decision\":\"APPROVE\"}", false);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("CSRF");
    var accepted = browser.json("/api/review/" + id + "/decision", "{\"decision\":\"APPROVE\"}", true);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
  }

  @Test
  void basicAuthNeedsNoCsrfToken() throws Exception {
    String id = inQueue("Basic decisions");
    assertThat(ada.postJson("/api/review/" + id + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(202);
  }

  @Test
  void theSecondOfTwoCuratorsDecidingOneItemGetsAConflict() throws Exception {
    String id = inQueue("Contested");
    assertThat(ada.postJson("/api/review/" + id + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(202);
    var second = grace.postJson("/api/review/" + id + "/decision", Map.of("decision", "REJECT", "reason", "off topic"));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().at("/error/code").asText()).isEqualTo("ALREADY_DECIDED");
    awaitPublished(id);
    var late = grace.postJson("/api/review/" + id + "/decision", Map.of("decision", "REJECT", "reason", "off topic"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().at("/error/message").asText()).contains("approved by ada");
  }

  @Test
  void theReviewPageShowsAConflictClearly() throws Exception {
    String id = inQueue("Contested on the page");
    assertThat(grace.postJson("/api/review/" + id + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(202);
    String token = browser.csrfFrom("/review/" + id);
    var page = browser.form("/review/" + id + "/reject", Map.of("_csrf", token, "reason", "duplicate"));
    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).contains("<p class=\"problem\" role=\"alert\">").contains("grace").contains("nothing was changed");
  }

  @Test
  void pagesSendAnonymousVisitorsToTheLoginForm() {
    var page = new Browser(process.baseUrl()).get("/review?type=video");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Freview%3Ftype%3Dvideo");
  }

  @Test
  void aScrapedTitleIsShownAsTextOnTheQueueAndDetailPages() throws Exception {
    String id = inQueue(HOSTILE_TITLE);
    for (String path : List.of("/review", "/review/" + id)) {
      var page = browser.get(path);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
      assertThat(page.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x");
    }
  }

  @Test
  void approvingFromThePageWithAnEditedTitlePublishesItAndMovesOn() throws Exception {
    String id = inQueue("Draft title");
    String token = browser.csrfFrom("/review/" + id);
    var answer = browser.form("/review/" + id + "/approve", Map.of("_csrf", token, "title", "Edited title",
        "skillsShown", "1", "skill", "digcomp-1"));
    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).contains("done=approve"));
    awaitPublished(id);
    assertThat(ada.get("/api/catalogue/" + id).json().get("title").asText()).isEqualTo("Edited title");
  }

  @Test
  void untickingASuggestedSkillDropsItAndTypingAnotherAddsIt() throws Exception {
    String id = inQueue("Skills by hand");
    String token = browser.csrfFrom("/review/" + id);
    // The suggestion digcomp-1 is offered ticked; a form without it is the curator's one click to drop it.
    var answer = browser.form("/review/" + id + "/approve", Map.of("_csrf", token, "skillsShown", "1", "extraSkills", "digcomp-1-1"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    awaitPublished(id);
    assertThat(ada.get("/api/catalogue/" + id).json().get("skills")).extracting(node -> node.asText()).containsExactly("digcomp-1-1");
  }

  @Test
  void reEnrichingAsksTheEnrichStageAgainAndKeepsTheItemInTheQueue() throws Exception {
    String id = inQueue("Fetch me again");
    assertThat(new Http(process.baseUrl(), null, null).postJson("/api/resources/" + id + "/reenrich", Map.of()).status()).isEqualTo(401);
    assertThat(ada.postJson("/api/resources/r-unknown/reenrich", Map.of()).status()).isEqualTo(404);
    var answer = ada.postJson("/api/resources/" + id + "/reenrich", Map.of());
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().get("url").asText()).isEqualTo("https://example.org/" + id);
    String token = browser.csrfFrom("/review/" + id);
    var page = browser.form("/review/" + id + "/reenrich", Map.of("_csrf", token));
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/review/" + id + "?done=reenrich");
    assertThat(requestsFor(id)).hasSize(2);
    assertThat(ada.get("/api/resources/" + id).json().get("status").asText()).isEqualTo("IN_REVIEW");
  }

  /** The enrichment requests sent for one resource, read from the topic from its start. */
  private static List<EnrichmentRequest> requestsFor(String id) {
    var clients = new KafkaClients(broker.bootstrapServers(), dir.resolve("client"), 0);
    try (var consumer = new KafkaConsumer<>(clients.reader("curator-it-requests"), new StringDeserializer(),
        Topics.ENRICHMENT_REQUESTS.serde().deserializer())) {
      var partitions = consumer.partitionsFor(Topics.ENRICHMENT_REQUESTS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<EnrichmentRequest> found = new ArrayList<>();
      await().atMost(PATIENCE).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (id.equals(r.key())) {
            found.add(r.value());
          }
        });
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
      });
      return found;
    }
  }

  @Test
  void theDetailPageShowsEvidenceDuplicatesTheExcerptAndFetchErrorsInPlainWords() throws Exception {
    String id = inQueue("Everything found");
    String page = browser.get("/review/" + id).body();
    assertThat(page).contains("Information and data literacy", "Evidence: metadata", "href=\"/review/r-other\"", "93% similar",
        "Some text about catalogues and metadata.");
    String failed = failedInQueue("The site did not answer within 20 seconds.");
    assertThat(browser.get("/review/" + failed).body()).contains("Enrichment failed: The site did not answer within 20 seconds.");
    String onlyFailed = browser.get("/review?failed=1").body();
    assertThat(onlyFailed).contains("/review/" + failed).doesNotContain("/review/" + id);
    assertThat(browser.get("/review?duplicates=1&skill=digcomp-1&sort=newest").body()).contains("/review/" + id)
        .doesNotContain("/review/" + failed);
  }

  @Test
  void bulkApprovalPublishesTheSelectionAndLeavesOneAnotherCuratorDecidedUntouched() throws Exception {
    String mine = inQueue("Bulk approve mine");
    String theirs = inQueue("Bulk approve theirs");
    assertThat(grace.postJson("/api/review/" + theirs + "/decision", Map.of("decision", "REJECT", "reason", "paywalled")).status())
        .isEqualTo(202);
    String token = browser.csrfFrom("/review");
    var page = browser.formRaw("/review/bulk", "_csrf=" + token + "&id=" + mine + "&id=" + theirs + "&action=approve");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("1 of 2 decided", mine + ": approved", theirs + ": not changed");
    awaitPublished(mine);
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(ada.get("/api/resources/" + theirs).json().get("status").asText()).isEqualTo("REJECTED"));
    assertThat(ada.get("/api/catalogue/" + theirs).status()).isEqualTo(404);
  }

  @Test
  void bulkRejectionDecidesEverySelectedItem() throws Exception {
    String first = inQueue("Bulk one");
    String second = inQueue("Bulk two");
    String token = browser.csrfFrom("/review");
    String body = "_csrf=" + token + "&id=" + first + "&id=" + second + "&action=reject&reason=not+free";
    var page = browser.formRaw("/review/bulk", body);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("2 of 2 decided");
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(ada.get("/api/resources/" + second).json().get("status").asText()).isEqualTo("REJECTED"));
  }

  @Test
  void editingAPublishedRecordRepublishesIt() throws Exception {
    String id = inQueue("Before the edit");
    assertThat(ada.postJson("/api/review/" + id + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(202);
    awaitPublished(id);
    var edit = grace.postJson("/api/catalogue/" + id + "/edit", Map.of("title", "After the edit", "level", "beginner"));
    assertThat(edit.status()).as(edit.body()).isEqualTo(202);
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(ada.get("/api/catalogue/" + id).json().get("title").asText()).isEqualTo("After the edit"));
    assertThat(ada.get("/api/catalogue/" + id).json().get("approvedBy").asText()).isEqualTo("ada");
  }

  @Test
  void withdrawalRemovesTheRecordAndTheHistoryListsEveryDecision() throws Exception {
    String id = inQueue("To be withdrawn");
    assertThat(ada.postJson("/api/catalogue/" + id + "/withdraw", Map.of("reason", "early")).status())
        .as("not yet published").isEqualTo(409);
    assertThat(ada.postJson("/api/review/" + id + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(202);
    awaitPublished(id);
    assertThat(grace.postJson("/api/catalogue/" + id + "/withdraw", Map.of()).status()).as("reason required").isEqualTo(400);
    assertThat(grace.postJson("/api/catalogue/" + id + "/withdraw", Map.of("reason", "the course moved behind a paywall")).status())
        .isEqualTo(202);
    await().atMost(PATIENCE).until(() -> ada.get("/api/catalogue/" + id).status() == 404);
    var history = ada.get("/api/resources/" + id + "/history").json();
    assertThat(history.get("state").asText()).isEqualTo("WITHDRAWN");
    assertThat(history.get("events").findValuesAsText("event")).containsExactly("ENRICHED", "APPROVE", "WITHDRAW");
    assertThat(history.get("events").get(2).get("by").asText()).isEqualTo("grace");
    assertThat(history.get("events").get(2).get("reason").asText()).isEqualTo("the course moved behind a paywall");
  }

  @Test
  void theHistoryNamesTheSubmitterAndEachChangeOfLinkHealth() throws Exception {
    String id = inQueue("With a past");
    String url = "https://example.org/" + id;
    Instant submittedAt = Instant.now().minusSeconds(60);
    events.send(Topics.SUBMISSIONS, id, new SubmissionReceived(SubmissionReceived.VERSION, "s-" + id, id, url, url, "A classic",
        List.of(), new Submitter("Grace", "grace@example.org"), "form", null, null, submittedAt));
    assertThat(ada.postJson("/api/review/" + id + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(202);
    awaitPublished(id);
    var check = new LinkCheck(LinkCheck.VERSION, id, url, CheckOutcome.NOT_FOUND, 404, null, 30, null, Instant.now());
    events.send(Topics.LINK_HEALTH, id, new LinkHealth(LinkHealth.VERSION, id, url, LinkState.BROKEN, 3, submittedAt, check.checkedAt(),
        null, check, List.of(LinkHealth.PastCheck.of(check)), null));
    await().atMost(PATIENCE).untilAsserted(() -> {
      var history = ada.get("/api/resources/" + id + "/history").json();
      assertThat(history.get("events").findValuesAsText("event")).containsExactly("SUBMITTED", "ENRICHED", "APPROVE", "LINK_BROKEN");
      assertThat(history.get("linkState").asText()).isEqualTo("BROKEN");
    });
    var history = ada.get("/api/resources/" + id + "/history");
    assertThat(history.json().get("events").get(0).get("by").asText()).isEqualTo("Grace");
    assertThat(history.body()).doesNotContain("grace@example.org");
    assertThat(browser.get("/review/" + id).body()).contains("submitted by Grace", "link broken at", "not found (HTTP 404)")
        .doesNotContain("grace@example.org");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void repeatedFailedLoginsAreThrottled() {
    Browser guesser = new Browser(process.baseUrl());
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.login("grace", "guess-" + i).statusCode()).isEqualTo(401);
    }
    var blocked = guesser.login("grace", "hopper-1906");
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    assertThat(blocked.body()).doesNotContain("hopper-1906");
  }
}
