package org.skillshelf.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a document labelled HTML gets when its bytes are not text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MislabelledBinaryTest {
  private static final URI SOURCE = URI.create("https://example.org/page");
  private static final String PAGE = "<!doctype html><html><head><title>Tides</title></head><body><article>"
      + "<p>The moon pulls the oceans towards it, so most coasts see two high tides a day.</p></article></body></html>";

  private final ResourceExtractor extractor = new ResourceExtractor(
      new ExtractionLimits(100_000, 1, Duration.ofSeconds(10), 1));

  @AfterAll
  void close() {
    extractor.close();
  }

  @Test
  void gzipBytesLabelledHtmlFailAsUnreadableNamingWhatTheyAre() throws IOException {
    byte[] gzip = gzip(PAGE);

    assertThatThrownBy(() -> extractor.extract(SOURCE, "text/html", gzip, asUtf8(gzip)))
        .isInstanceOfSatisfying(ExtractionFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo(ExtractionFailure.Code.UNREADABLE);
          assertThat(failure.getMessage()).isEqualTo(
              "the server labelled this text/html but sent binary data (application/gzip), not a readable page");
        });
  }

  @Test
  void randomBytesLabelledHtmlFailAsUnreadable() {
    byte[] noise = new byte[2048];
    new Random(7).nextBytes(noise);

    assertThatThrownBy(() -> extractor.extract(SOURCE, "text/html", noise, asUtf8(noise)))
        .isInstanceOfSatisfying(ExtractionFailure.class,
            failure -> assertThat(failure.getMessage()).contains("binary data (application/octet-stream)"));
  }

  @Test
  void aPngLabelledHtmlFailsAsUnreadable() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};

    assertThatThrownBy(() -> extractor.extract(SOURCE, "text/html", png, asUtf8(png)))
        .isInstanceOfSatisfying(ExtractionFailure.class,
            failure -> assertThat(failure.getMessage()).contains("(image/png)"));
  }

  @Test
  void utf16WithoutByteOrderMarkDecodedByItsHeaderIsStillAPage() throws ExtractionFailure {
    byte[] utf16 = PAGE.getBytes(StandardCharsets.UTF_16BE);

    Extraction extraction = extractor.extract(SOURCE, "text/html", utf16, PAGE);

    assertThat(extraction.mainText()).startsWith("The moon pulls the oceans");
  }

  @Test
  void aPageWithAStrayUndecodableByteIsStillAPage() throws ExtractionFailure {
    byte[] latin1 = PAGE.replace("moon", "m\u00f6on").getBytes(StandardCharsets.ISO_8859_1);

    Extraction extraction = extractor.extract(SOURCE, "text/html", latin1, asUtf8(latin1));

    assertThat(extraction.mainText()).contains("two high tides");
  }

  private static String asUtf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return buffer.toByteArray();
  }
}
