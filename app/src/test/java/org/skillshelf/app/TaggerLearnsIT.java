package org.skillshelf.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;

/**
 * Curators' decisions teach the tagger: with a taxonomy whose words say nothing about knitting, a
 * knitting lesson gets no "fibre arts" suggestion; once a trusted CSV import has published three
 * knitting lessons with that skill, a new knitting lesson is suggested it, with the approved
 * records it resembles as evidence.
 */
class TaggerLearnsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String TAXONOMY = """
      {"name": "crafts", "skills": [
        {"id": "fibre-arts", "label": "Fibre arts", "description": "Making textiles by hand.", "synonyms": [], "parent": null, "digcomp": []},
        {"id": "woodwork", "label": "Woodwork", "description": "Making things from timber with saws and chisels.", "synonyms": ["carpentry"], "parent": null, "digcomp": []}
      ]}
      """;

  @TempDir Path dataDir;

  private static String lesson(int n) {
    return "Lesson " + n + ": purl stitch, cast on, yarn gauge and needles. Knit a swatch, count the purl rows, "
        + "block the yarn and check the gauge before the scarf. Cast on forty stitches and purl back.";
  }

  @Test
  void aTrustedImportWithSkillsTeachesLaterSuggestions() throws Exception {
    Path taxonomy = dataDir.resolve("taxonomy.json");
    Files.writeString(taxonomy, TAXONOMY);
    try (TestWeb web = TestWeb.start()) {
      for (int i = 1; i <= 12; i++) {
        web.html("/lessons/" + i, "Knitting lesson " + i, lesson(i));
      }
      var env = Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", dataDir.resolve("data").toString(),
          "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8", "SKILLSHELF_CURATORS", "ada:lovelace-1815",
          "SKILLSHELF_TAXONOMY", taxonomy.toString(), "SKILLSHELF_INSTANCE_ID", "tagger-it");
      try (var app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(env), Skillshelf.services(), Skillshelf::embeddedBroker)) {
        assertThat(app.awaitReady(PATIENCE)).isTrue();
        Http http = new Http(app.baseUrl(), "ada", "lovelace-1815");

        String before = submit(http, web.url("/lessons/10"));
        assertThat(skills(http, before).findValuesAsText("id")).doesNotContain("fibre-arts");

        String csv = "url,skills\n" + web.url("/lessons/1") + ",fibre-arts\n" + web.url("/lessons/2") + ",fibre-arts\n"
            + web.url("/lessons/3") + ",fibre-arts\n";
        var imported = http.post("/api/submissions/bulk?publish=true", "text/csv", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        assertThat(imported.json().get("accepted").asInt()).isEqualTo(3);
        await().atMost(PATIENCE).untilAsserted(() ->
            assertThat(http.get("/api/catalogue?skill=fibre-arts").json().get("total").asInt()).isEqualTo(3));

        // The tagger learns from the catalogue topic asynchronously: try fresh lessons until one shows it.
        AtomicInteger next = new AtomicInteger(11);
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
          String after = submit(http, web.url("/lessons/" + Math.min(12, next.getAndIncrement())));
          JsonNode suggested = skills(http, after);
          assertThat(suggested.findValuesAsText("id")).contains("fibre-arts");
          assertThat(suggested.get(0).get("evidence").toString()).contains("Knitting lesson");
        });
      }
    }
  }

  private static String submit(Http http, String url) {
    var accepted = http.postJson("/api/submissions", Map.of("url", url));
    assertThat(accepted.status()).isIn(200, 202);
    String resourceId = accepted.json().get("resourceId").asText();
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(http.get("/api/resources/" + resourceId).status()).isEqualTo(200));
    return resourceId;
  }

  private static JsonNode skills(Http http, String resourceId) {
    return http.get("/api/resources/" + resourceId).json().get("suggestedSkills");
  }
}
