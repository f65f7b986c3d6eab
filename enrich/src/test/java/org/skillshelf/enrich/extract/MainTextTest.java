package org.skillshelf.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainTextTest {

  private static final String ARTICLE = "<article><h1>Title</h1>"
      + "<p>Rivers carve valleys over thousands of years, moving sand, gravel and stones "
      + "downstream, and the shape of a valley tells a geologist how old it is.</p>"
      + "<p>Floods, on the other hand, reshape a river bed in a single day, which is why "
      + "engineers measure them carefully, year after year, along every large river.</p>"
      + "<ul><li>Erosion removes material from the outside of bends.</li>"
      + "<li>Deposition builds sandbars on the inside of bends.</li></ul></article>";

  private final ResourceExtractor extractor = new ResourceExtractor(ExtractionLimits.defaults());

  @AfterAll
  void close() {
    extractor.close();
  }

  private String mainText(String html) throws ExtractionFailure {
    return extractor.extract(URI.create("https://example.org/a"), "text/html",
        html.getBytes(StandardCharsets.UTF_8), html).mainText();
  }

  @Test
  void removesNavigationCookieBannerAndComments() throws ExtractionFailure {
    String html = "<body><nav><a href=/>Home</a> <a href=/about>About us</a></nav>"
        + "<div class=cookie-banner>We use cookies to improve your experience, accept all?</div>"
        + ARTICLE
        + "<section id=comments><p>Great article, thanks a lot for writing it, really.</p>"
        + "</section><footer>Copyright 2024, all rights reserved, Example Org.</footer></body>";

    String text = mainText(html);

    assertThat(text).contains("Rivers carve valleys", "Floods, on the other hand",
        "Deposition builds sandbars");
    assertThat(text).doesNotContain("Home", "cookies", "Great article", "Copyright");
  }

  @Test
  void separatesParagraphsWithBlankLines() throws ExtractionFailure {
    String text = mainText("<body>" + ARTICLE + "</body>");

    assertThat(text).contains("is.\n\nFloods").contains("bends.\n\nDeposition");
  }

  @Test
  void prefersTheMarkedUpArticleBody() throws ExtractionFailure {
    String html = "<body><div class=teaser><p>" + "Other story text, long enough to count. "
        .repeat(10) + "</p></div><div itemprop=articleBody><p>" + "The real body. ".repeat(40)
        + "</p></div></body>";

    assertThat(mainText(html)).startsWith("The real body.").doesNotContain("Other story");
  }

  @Test
  void tenThousandNestedElementsFinishWithoutStackOverflow() {
    String html = "<div>".repeat(10_000) + "<p>Deep text, with a comma, at the bottom.</p>"
        + "</div>".repeat(10_000);

    String text = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> mainText(html));

    assertThat(text).contains("Deep text");
  }

  @Test
  void textDecodedWithTheWrongCharsetStillGivesAnExtraction() throws ExtractionFailure {
    byte[] latin1 = ("<title>Café résumé</title><p>Übermäßig schön, sagt die Jury.</p>")
        .getBytes(Charset.forName("windows-1252"));
    String wronglyDecoded = new String(latin1, StandardCharsets.UTF_8);

    Extraction extraction = extractor.extract(URI.create("https://example.org/a"),
        "text/html", latin1, wronglyDecoded);

    assertThat(extraction.metadata().title()).startsWith("Caf");
    assertThat(extraction.mainText()).contains("sagt die Jury");
  }

  @Test
  void capsTheMainTextAtTheCharacterLimit() throws ExtractionFailure {
    try (ResourceExtractor small = new ResourceExtractor(
        new ExtractionLimits(100, 1, Duration.ofSeconds(5), 1))) {
      String html = "<article><p>" + "Plenty of words, here. ".repeat(100) + "</p></article>";

      String text = small.extract(URI.create("https://example.org/a"), "text/html",
          html.getBytes(StandardCharsets.UTF_8), html).mainText();

      assertThat(text).hasSizeLessThanOrEqualTo(100).startsWith("Plenty of words");
    }
  }
}
