package org.skillshelf.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.linkcheck.check.CheckedPage;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;
import org.skillshelf.text.main.MainText;

/**
 * Enrichment through the contract, of real documents and misbehaving pages served on loopback:
 * a PDF and a Word file are read with their metadata, an HTML page's stored text fingerprints as
 * linkcheck will read the page, gzip sent as HTML without saying so is read, binary bytes sent as
 * HTML never become text, and every failure ends as FAILED with a reason a curator understands.
 */
class EnrichmentIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String LESSON = "<!doctype html><html><head><title>Tides | Coastal Notes</title></head><body>"
      + "<nav><a href=/>Home</a> <a href=/seas>Seas</a></nav><div class=cookie-notice>We count visits with a cookie, fine?</div>"
      + "<article><h1>Tides</h1><p>The moon pulls the oceans towards it, and the earth turns beneath that bulge, "
      + "so most coasts see two high tides and two low tides every day.</p><p>Where a bay narrows, like the Bay of "
      + "Fundy, the water piles up and the difference between high and low water can pass fifteen metres.</p></article>"
      + "<section id=comments><p>Lovely explanation, I finally get spring tides, thank you.</p></section>"
      + "<footer>Copyright 2025, Coastal Notes, all rights reserved.</footer></body></html>";
  private static final String SENTENCE = "Persistent identifiers keep citations working when repositories move their files.";

  @TempDir static Path dataDir;
  private static TestWeb web;
  private static SkillshelfProcess app;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    byte[] huge = new byte[21 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    web = TestWeb.start()
        .respond("/guide.pdf", new TestWeb.Response(200, "application/pdf", pdf(), Map.of()))
        .respond("/guide.docx", new TestWeb.Response(200,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx(), Map.of()))
        .respond("/huge", new TestWeb.Response(200, "text/html", huge, Map.of()))
        .respond("/moved", new TestWeb.Response(301, "text/html", new byte[0], Map.of("Location", "/moved")))
        .respond("/lesson", new TestWeb.Response(200, "text/html; charset=utf-8", LESSON.getBytes(StandardCharsets.UTF_8), Map.of()))
        .respond("/gzip-unlabelled", new TestWeb.Response(200, "text/html; charset=utf-8", gzip(LESSON), Map.of()))
        .respond("/gzip-damaged", new TestWeb.Response(200, "text/html", Arrays.copyOf(gzip(LESSON), 40), Map.of()))
        .respond("/latin1", new TestWeb.Response(200, "text/html; charset=windows-1252",
            "<html><head><title>Caf\u00e9 cataloguing</title></head><body><p>R\u00e9sum\u00e9s of na\u00efve records.</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1), Map.of()));
    var env = Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", dataDir.toString(), "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8",
        "SKILLSHELF_CURATORS", "ada:lovelace-1815", "SKILLSHELF_INSTANCE_ID", "enrichment-it");
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(env), Skillshelf.services(), Skillshelf::embeddedBroker);
    assertThat(app.awaitReady(PATIENCE)).isTrue();
    http = new Http(app.baseUrl(), "ada", "lovelace-1815");
  }

  @AfterAll
  static void stop() {
    app.close();
    web.close();
  }

  private static JsonNode enriched(String path) {
    var accepted = http.postJson("/api/submissions", Map.of("url", web.url(path)));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String id = accepted.json().get("resourceId").asText();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get("/api/resources/" + id).status()).isEqualTo(200));
    return http.get("/api/resources/" + id).json();
  }

  @Test
  void aPdfIsReadWithItsTitleAndText() {
    JsonNode record = enriched("/guide.pdf");
    assertThat(record.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(record.at("/metadata/title").asText()).isEqualTo("Identifiers that last");
    assertThat(http.get("/api/resources/" + record.get("resourceId").asText() + "/text").body()).contains("Persistent identifiers");
  }

  @Test
  void aWordFileIsReadWithItsTitleAndText() {
    JsonNode record = enriched("/guide.docx");
    assertThat(record.at("/metadata/title").asText()).isEqualTo("Identifiers that last");
    assertThat(http.get("/api/resources/" + record.get("resourceId").asText() + "/text").body()).contains("Persistent identifiers");
  }

  @Test
  void anHtmlPageIsFingerprintedExactlyAsLinkcheckReadsIt() {
    JsonNode record = enriched("/lesson");
    String stored = http.get("/api/resources/" + record.get("resourceId").asText() + "/text").body();

    // enrich's fingerprint is MainText.fingerprint of the text it stores; linkcheck must get the same from the page
    assertThat(stored).startsWith("The moon pulls the oceans").doesNotContain("Home", "cookie", "Lovely", "Copyright");
    assertThat(CheckedPage.parse(LESSON).fingerprint()).isEqualTo(MainText.fingerprint(stored));
  }

  @Test
  void aPageInWindows1252IsDecodedByItsDeclaredCharset() {
    assertThat(enriched("/latin1").at("/metadata/title").asText()).isEqualTo("Caf\u00e9 cataloguing");
  }

  @Test
  void aMissingPageFailsWithTheServersAnswer() {
    JsonNode record = enriched("/nowhere");
    assertThat(record.get("status").asText()).isEqualTo("FAILED");
    assertThat(record.at("/error/message").asText()).isEqualTo("the server answered 404");
  }

  @Test
  void aPageOverTheByteCapFailsSayingSo() {
    JsonNode record = enriched("/huge");
    assertThat(record.get("status").asText()).isEqualTo("FAILED");
    assertThat(record.at("/error/message").asText()).contains("larger than 20 MB");
  }

  @Test
  void aRedirectLoopFailsSayingSo() {
    JsonNode record = enriched("/moved");
    assertThat(record.get("status").asText()).isEqualTo("FAILED");
    assertThat(record.at("/error/message").asText()).contains("loop");
  }

  @Test
  void gzipSentAsHtmlWithoutContentEncodingIsDecodedAndRead() {
    JsonNode record = enriched("/gzip-unlabelled");

    assertThat(record.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(record.at("/metadata/title").asText()).startsWith("Tides");
    assertThat(http.get("/api/resources/" + record.get("resourceId").asText() + "/text").body())
        .startsWith("The moon pulls the oceans");
  }

  @Test
  void binaryBytesSentAsHtmlFailSayingSoInsteadOfBecomingText() {
    JsonNode record = enriched("/gzip-damaged");

    assertThat(record.get("status").asText()).isEqualTo("FAILED");
    assertThat(record.at("/error/code").asText()).isEqualTo("EXTRACTION_FAILED");
    assertThat(record.at("/error/message").asText())
        .isEqualTo("the server labelled this text/html but sent binary data (application/gzip), not a readable page");
    assertThat(http.get("/api/resources/" + record.get("resourceId").asText() + "/text").body()).isEmpty();
  }

  private static byte[] gzip(String text) throws IOException {
    var buffer = new ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(buffer)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return buffer.toByteArray();
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument(); var out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(50, 700);
        content.showText(SENTENCE);
        content.endText();
      }
      document.getDocumentInformation().setTitle("Identifiers that last");
      document.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] docx() throws IOException {
    try (XWPFDocument document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(SENTENCE);
      document.getProperties().getCoreProperties().setTitle("Identifiers that last");
      document.write(out);
      return out.toByteArray();
    }
  }
}
