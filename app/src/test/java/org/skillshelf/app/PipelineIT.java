package org.skillshelf.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;

/**
 * The whole pipeline through the contract, on a real broker: submit → enrich → review → publish →
 * search → link health, in the all-in-one mode (also across a restart) and with the services split
 * over two processes sharing one external broker.
 */
class PipelineIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dataDir;
  private TestWeb web;

  @BeforeEach
  void serveSomePages() {
    web = TestWeb.start()
        .html("/lessons/git-basics", "Version control with Git for librarians", "Learn how to track changes to your files with git, step by step.")
        .html("/lessons/openrefine", "Cleaning messy catalogue data with OpenRefine", "Clustering, facets and transformations for tidy metadata.");
  }

  @AfterEach
  void stopPages() {
    web.close();
  }

  private Map<String, String> settings(Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put("SKILLSHELF_HTTP_PORT", "0");
    env.put("SKILLSHELF_DATA_DIR", dir.toString());
    env.put("SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8");
    env.put("SKILLSHELF_LINKCHECK_INTERVAL", "PT3S");
    env.put("SKILLSHELF_LINKCHECK_BROKEN_MIN_SPAN", "PT0S");
    env.put("SKILLSHELF_CURATORS", "ada:lovelace-1815");
    env.put("SKILLSHELF_INSTANCE_ID", "test-" + dir.getFileName());
    return env;
  }

  private static SkillshelfProcess startAllInOne(Map<String, String> env) throws Exception {
    SkillshelfProcess process = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(env), Skillshelf.services(), Skillshelf::embeddedBroker);
    assertThat(process.awaitReady(PATIENCE)).as("ready: %s", process.health()).isTrue();
    return process;
  }

  @Test
  void aSubmissionTravelsThroughEveryStageAndSurvivesARestart() throws Exception {
    String approvedId;
    String waitingId;
    try (SkillshelfProcess app = startAllInOne(settings(dataDir))) {
      Http http = new Http(app.baseUrl(), "ada", "lovelace-1815");
      assertThat(http.get("/healthz").json().get("status").asText()).isEqualTo("UP");

      approvedId = submitAndAwaitReview(http, web.url("/lessons/git-basics") + "?utm_source=newsletter#intro",
          "Version control with Git for librarians");
      waitingId = submitAndAwaitReview(http, web.url("/lessons/openrefine"), "Cleaning messy catalogue data with OpenRefine");

      var decision = http.postJson("/api/review/" + approvedId + "/decision", Map.of("decision", "APPROVE"));
      assertThat(decision.status()).as(decision.body()).isEqualTo(202);

      await().atMost(PATIENCE).untilAsserted(() -> {
        JsonNode found = http.get("/api/catalogue?q=librarians").json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("resourceId").asText()).isEqualTo(approvedId);
      });
      await().atMost(PATIENCE).untilAsserted(() ->
          assertThat(http.get("/api/link-health/" + approvedId).json().path("state").asText()).isEqualTo("HEALTHY"));
      assertThat(http.get("/metrics").body()).contains("skillshelf_enrich_resources_total", "kafka_");
    }

    try (SkillshelfProcess again = startAllInOne(settings(dataDir))) {
      Http http = new Http(again.baseUrl(), "ada", "lovelace-1815");
      await().atMost(PATIENCE).untilAsserted(() ->
          assertThat(http.get("/api/catalogue?q=git").json().get("total").asInt()).isEqualTo(1));
      JsonNode queue = http.get("/api/review/queue").json();
      assertThat(queue.get("items").findValuesAsText("resourceId")).containsExactly(waitingId);
      assertThat(http.get("/api/link-health/" + approvedId).json().path("state").asText()).isEqualTo("HEALTHY");
    }
  }

  @Test
  void theServicesAlsoRunSplitOverTwoProcessesAgainstOneBroker() throws Exception {
    try (var broker = EmbeddedKafkaBroker.start(dataDir.resolve("broker"))) {
      Map<String, String> front = settings(dataDir.resolve("front"));
      front.put("SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers());
      front.put("SKILLSHELF_SERVICES", "ingest,publish");
      Map<String, String> back = settings(dataDir.resolve("back"));
      back.put("SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers());
      back.put("SKILLSHELF_SERVICES", "enrich,linkcheck");
      try (var frontProcess = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(front), Skillshelf.services(), null);
          var backProcess = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(back), Skillshelf.services(), null)) {
        assertThat(frontProcess.awaitReady(PATIENCE)).isTrue();
        assertThat(backProcess.awaitReady(PATIENCE)).isTrue();
        Http http = new Http(frontProcess.baseUrl(), "ada", "lovelace-1815");
        Http operator = new Http(backProcess.baseUrl(), "ada", "lovelace-1815");
        String id = submitAndAwaitReview(http, web.url("/lessons/openrefine"), "Cleaning messy catalogue data with OpenRefine");
        assertThat(http.postJson("/api/review/" + id + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(202);
        await().atMost(PATIENCE).untilAsserted(() ->
            assertThat(http.get("/api/catalogue?q=OpenRefine").json().get("total").asInt()).isEqualTo(1));
        await().atMost(PATIENCE).untilAsserted(() ->
            assertThat(operator.get("/api/link-health/" + id).json().path("state").asText()).isEqualTo("HEALTHY"));
        assertThat(http.get("/api/link-health/" + id).status()).as("linkcheck routes live only where linkcheck runs").isEqualTo(404);
      }
    }
  }

  private static String submitAndAwaitReview(Http http, String url, String expectedTitle) {
    var accepted = http.postJson("/api/submissions", Map.of("url", url, "note", "great for beginners"));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    JsonNode body = accepted.json();
    assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
    String submissionId = body.get("id").asText();
    String resourceId = body.get("resourceId").asText();
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(http.get("/api/submissions/" + submissionId).json().get("status").asText()).isEqualTo("IN_REVIEW"));
    JsonNode status = http.get("/api/submissions/" + submissionId).json();
    assertThat(status.get("history").findValuesAsText("status")).containsSubsequence(List.of("RECEIVED", "ENRICHING", "IN_REVIEW"));
    assertThat(http.get("/api/resources/" + resourceId).json().at("/metadata/title").asText()).isEqualTo(expectedTitle);
    return resourceId;
  }

}
