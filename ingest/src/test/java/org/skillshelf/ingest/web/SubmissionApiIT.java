package org.skillshelf.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
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
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.ingest.IngestService;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.SkillshelfProcess;

/**
 * Every submission rule through HTTP on a real broker, with only the ingest service running (so
 * nothing is ever fetched): each refusal's status and code, and what did or did not reach the
 * submissions topic. Addresses use a public IP literal (no DNS here) with a path unique to each test.
 */
class SubmissionApiIT {
  private static final String PUBLIC = "http://93.184.215.14";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static SkillshelfProcess app;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
    var config = SkillshelfConfig.fromEnvironment(Map.of(
        "SKILLSHELF_HTTP_PORT", "0",
        "SKILLSHELF_DATA_DIR", dir.resolve("app").toString(),
        "SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "SKILLSHELF_SERVICES", "ingest",
        "SKILLSHELF_CURATORS", "ada:lovelace-1815",
        "SKILLSHELF_SUBMIT_RATE", "3/PT1H",
        "SKILLSHELF_INSTANCE_ID", "submission-api-it"));
    app = SkillshelfProcess.start(config, Map.of(Service.INGEST, IngestService::new), null);
    assertThat(app.awaitReady(PATIENCE)).as("ready: %s", app.health()).isTrue();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static LoopbackClient client() {
    return LoopbackClient.anonymous(app.baseUrl());
  }

  private static LoopbackClient curator() {
    return LoopbackClient.curator(app.baseUrl(), "ada", "lovelace-1815");
  }

  private static List<SubmissionReceived> recorded(String marker) {
    return TopicLog.read(broker.bootstrapServers(), Topics.SUBMISSIONS).stream().filter(s -> s.url().contains(marker)).toList();
  }

  private static void assertRefused(LoopbackClient.Answer answer, int status, String code, String marker) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().at("/error/code").asText()).isEqualTo(code);
    assertThat(recorded(marker)).as("nothing recorded for %s", marker).isEmpty();
  }

  @Test
  void refusesSchemesOtherThanHttpAndHttps() {
    assertRefused(client().postJson("/api/submissions", Map.of("url", "ftp://93.184.215.14/scheme-x1")), 400, "INVALID_URL", "scheme-x1");
  }

  @Test
  void refusesAnAddressWithoutHost() {
    assertRefused(client().postJson("/api/submissions", Map.of("url", "http:///nohost-x2")), 400, "INVALID_URL", "nohost-x2");
  }

  @Test
  void refusesAddressesLongerThan2048Characters() {
    String url = PUBLIC + "/long-x3/" + "a".repeat(2_040);
    assertRefused(client().postJson("/api/submissions", Map.of("url", url)), 400, "INVALID_URL", "long-x3");
  }

  @Test
  void refusesCredentialsInTheAddress() {
    assertRefused(client().postJson("/api/submissions", Map.of("url", "http://user:secret@93.184.215.14/creds-x4")), 400, "INVALID_URL", "creds-x4");
  }

  @Test
  void refusesALoopbackTargetWhenNoRangeIsAllowed() {
    assertRefused(client().postJson("/api/submissions", Map.of("url", app.baseUrl() + "/loopback-x5")), 400, "FORBIDDEN_ADDRESS", "loopback-x5");
  }

  @Test
  void refusesSkillsTheTaxonomyDoesNotKnow() {
    var answer = client().postJson("/api/submissions", Map.of("url", PUBLIC + "/skill-x6", "skills", List.of("basket-weaving")));
    assertRefused(answer, 400, "UNKNOWN_SKILL", "skill-x6");
  }

  @Test
  void refusesABodyOver64KilobytesWith413() {
    var answer = client().postJson("/api/submissions", Map.of("url", PUBLIC + "/big-x7", "note", "n".repeat(70_000)));
    assertRefused(answer, 413, "TOO_LARGE", "big-x7");
  }

  @Test
  void refusesMalformedJsonSayingWhere() {
    var answer = client().post("/api/submissions", "application/json", "{\"url\": \"" + PUBLIC + "/json-x8\",\n \"note\": }");
    assertRefused(answer, 400, "MALFORMED_JSON", "json-x8");
    assertThat(answer.json().at("/error/message").asText()).contains("line 2, column");
  }

  @Test
  void refusesASuggestionThatFilledInTheHoneypot() {
    var answer = client().postJson("/api/submissions", Map.of("url", PUBLIC + "/honey-x9", "website", "http://spam.example/"));
    assertRefused(answer, 400, "REJECTED", "honey-x9");
  }

  @Test
  void limitsEachClientAddressAndSaysWhenToRetry() {
    LoopbackClient client = client();
    for (int i = 0; i < 3; i++) {
      assertThat(client.postJson("/api/submissions", Map.of("url", PUBLIC + "/rate-x10/" + i)).status()).isEqualTo(202);
    }
    var refused = client.postJson("/api/submissions", Map.of("url", PUBLIC + "/rate-x10-over"));
    assertRefused(refused, 429, "RATE_LIMITED", "rate-x10-over");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(client().postJson("/api/submissions", Map.of("url", PUBLIC + "/rate-x10-other")).status())
        .as("another address has its own allowance").isEqualTo(202);
    assertThat(recorded("rate-x10")).hasSize(4);
    assertThat(client.get("/metrics").body()).contains("skillshelf_ingest_rate_limited_total");
  }

  @Test
  void aDuplicateIsRecordedAndToldButEnrichedOnce() {
    LoopbackClient client = client();
    var first = client.postJson("/api/submissions", Map.of("url", PUBLIC + "/dup-x11?utm_source=news#part-2"));
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    String resourceId = first.json().get("resourceId").asText();
    String firstId = first.json().get("id").asText();
    await().atMost(PATIENCE).until(() -> client.get("/api/submissions/" + firstId).json().get("status").asText().equals("ENRICHING"));

    var second = client.postJson("/api/submissions", Map.of("url", "HTTP://93.184.215.14/dup-x11?utm_medium=mail", "note", "again"));
    assertThat(second.status()).as(second.body()).isEqualTo(202);
    assertThat(second.json().get("resourceId").asText()).isEqualTo(resourceId);
    assertThat(second.json().get("duplicate").asBoolean()).isTrue();
    assertThat(second.json().get("message").asText()).contains("suggested before");
    String secondId = second.json().get("id").asText();
    await().atMost(PATIENCE).until(() -> client.get("/api/submissions/" + secondId).json().get("suggestions").asInt() == 2);

    assertThat(recorded("dup-x11")).hasSize(2);
    List<EnrichmentRequest> requests = TopicLog.read(broker.bootstrapServers(), Topics.ENRICHMENT_REQUESTS);
    assertThat(requests).filteredOn(r -> r.resourceId().equals(resourceId)).hasSize(1);
  }

  @Test
  void bulkCsvReportsBadLinesAndRecordsExactlyTheOthers() {
    String csv = """
        url,title,skills
        http://93.184.215.14/csv-x12/a,First,
        ftp://93.184.215.14/csv-x12/b,Bad scheme,
        http://93.184.215.14/csv-x12/c,Unknown skill,basket-weaving
        http://93.184.215.14/csv-x12/d,Fourth,
        """;
    var answer = curator().post("/api/submissions/bulk", "text/csv", csv);
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(answer.json().get("rejected").findValuesAsText("line")).containsExactly("3", "4");
    assertThat(answer.json().get("rejected").findValuesAsText("code")).containsExactly("INVALID_URL", "UNKNOWN_SKILL");
    assertThat(answer.json().get("items").findValuesAsText("url"))
        .containsExactly(PUBLIC + "/csv-x12/a", PUBLIC + "/csv-x12/d");
    assertThat(recorded("csv-x12")).extracting(SubmissionReceived::url)
        .containsExactlyInAnyOrder(PUBLIC + "/csv-x12/a", PUBLIC + "/csv-x12/d");
    assertThat(recorded("csv-x12")).allSatisfy(s -> assertThat(s.autoPublishBy()).isNull());
  }

  @Test
  void bulkBookmarksWithPublishRecordTheCuratorAsPublisher() {
    String bookmarks = """
        <!DOCTYPE NETSCAPE-Bookmark-File-1>
        <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
        <TITLE>Bookmarks</TITLE>
        <DL><p>
            <DT><A HREF="http://93.184.215.14/marks-x13/one" ADD_DATE="1700000000">One</A>
            <DT><A HREF="http://93.184.215.14/marks-x13/two">Two</A>
        </DL><p>
        """;
    var answer = curator().post("/api/submissions/bulk?publish=true", "text/html", bookmarks);
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(recorded("marks-x13")).hasSize(2).allSatisfy(s -> {
      assertThat(s.autoPublishBy()).isEqualTo("ada");
      assertThat(s.channel()).isEqualTo("bulk");
    });
    assertThat(recorded("marks-x13")).extracting(SubmissionReceived::title).containsExactlyInAnyOrder("One", "Two");
    assertThat(curator().get("/metrics").body()).contains("skillshelf_ingest_bulk_lines_total{outcome=\"accepted\"");
  }

  @Test
  void bulkImportNeedsCuratorCredentials() {
    var answer = client().post("/api/submissions/bulk", "text/plain", PUBLIC + "/anon-x14\n");
    assertRefused(answer, 401, "UNAUTHORIZED", "anon-x14");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void theFormRefusesAPostWithoutItsCsrfToken() {
    var answer = client().post("/submit", "application/x-www-form-urlencoded", "url=" + PUBLIC + "/csrf-x15");
    assertRefused(answer, 403, "CSRF", "csrf-x15");
  }

  @Test
  void theFormRedirectsToTheStatusPageWithItsTimeline() {
    LoopbackClient browser = client();
    String token = csrfToken(browser.get("/submit").body());
    var posted = browser.post("/submit", "application/x-www-form-urlencoded",
        "_csrf=" + token + "&url=" + PUBLIC + "/form-x16&note=Nice&skills=digcomp-1&website=");
    assertThat(posted.status()).as(posted.body()).isEqualTo(303);
    String location = posted.header("Location");
    assertThat(location).startsWith("/submissions/");
    assertThat(recorded("form-x16")).singleElement().satisfies(s -> assertThat(s.channel()).isEqualTo("form"));

    String page = browser.get(location).body();
    assertThat(page).contains("<ol class=\"timeline\">", location);
    assertThat(page).containsPattern("<meta http-equiv=\"refresh\" content=\"(5|60)\">");
  }

  @Test
  void theFormShowsAnErrorNextToTheFieldAndKeepsWhatWasTyped() {
    LoopbackClient browser = client();
    String token = csrfToken(browser.get("/submit").body());
    var posted = browser.post("/submit", "application/x-www-form-urlencoded",
        "_csrf=" + token + "&url=ftp%3A%2F%2F93.184.215.14%2Fformbad-x17&note=keep+me");
    assertThat(posted.status()).isEqualTo(400);
    assertThat(posted.body()).contains("id=\"url-error\"", "aria-describedby=\"url-error\" aria-invalid=\"true\" autofocus",
        "value=\"ftp://93.184.215.14/formbad-x17\"", ">keep me</textarea>");
    assertThat(recorded("formbad-x17")).isEmpty();
  }

  @Test
  void theFormRefusesASuggestionThatFilledInTheHoneypot() {
    LoopbackClient browser = client();
    String token = csrfToken(browser.get("/submit").body());
    var posted = browser.post("/submit", "application/x-www-form-urlencoded",
        "_csrf=" + token + "&url=" + PUBLIC + "/formhoney-x18&website=http%3A%2F%2Fspam.example%2F");
    assertThat(posted.status()).isEqualTo(400);
    assertThat(posted.body()).contains("role=\"alert\"", "could not be accepted");
    assertThat(recorded("formhoney-x18")).isEmpty();
  }

  @Test
  void bulkImportOver5MegabytesIsRefusedWith413() {
    String body = (PUBLIC + "/huge-x19/" + "p".repeat(60) + "\n").repeat(60_000);
    assertRefused(curator().post("/api/submissions/bulk", "text/plain", body), 413, "TOO_LARGE", "huge-x19");
  }

  @Test
  void theBulkUploadPageShowsThePerLineReport() {
    LoopbackClient browser = curator();
    String token = csrfToken(browser.get("/submit/bulk").body());
    String boundary = "----skillshelf-test-boundary";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.md\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + "- [Good](http://93.184.215.14/upload-x20/good)\n- [Private](http://10.0.0.1/upload-x20/private)\n\r\n"
        + "--" + boundary + "--\r\n";
    var page = browser.post("/submit/bulk", "multipart/form-data; boundary=" + boundary, multipart);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("1 accepted, 1 refused", "FORBIDDEN_ADDRESS", "<td>2</td>");
    assertThat(recorded("upload-x20")).extracting(SubmissionReceived::url).containsExactly(PUBLIC + "/upload-x20/good");
    assertThat(client().get("/submit/bulk").status()).as("the page needs a curator").isEqualTo(401);
  }

  private static String csrfToken(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("the form carries a CSRF token").isTrue();
    return m.group(1);
  }
}
