package org.skillshelf.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.skillshelf.events.ResourceMetadata;

/** The page signals read from the element list rather than selectors: each still found. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSignalsTest {

  private final ResourceExtractor extractor = new ResourceExtractor(ExtractionLimits.defaults());

  @AfterAll
  void close() {
    extractor.close();
  }

  private ResourceMetadata read(String html) throws ExtractionFailure {
    return extractor.extract(URI.create("https://example.org/learn/page"), "text/html",
        html.getBytes(StandardCharsets.UTF_8), html).metadata();
  }

  @Test
  void findsABylineByAClassThatContainsTheWord() throws ExtractionFailure {
    String html = "<body><p class='PostBylineText'>By Ada Lovelace</p><p>Text</p></body>";

    assertThat(read(html).authors()).containsExactly("Ada Lovelace");
  }

  @Test
  void aPaywalledBlockWithTextMarksThePageNotFree() throws ExtractionFailure {
    assertThat(read("<body><div class='article-paywalled'>Subscribe to read</div></body>")
        .freeToAccess()).isFalse();
    assertThat(read("<body><div class='nopaywallhere'>Text</div></body>").freeToAccess()).isNull();
  }

  @Test
  void microdataTitleComesFromInsideTheArticleScope() throws ExtractionFailure {
    String html = "<body><div itemprop=name>Site menu</div>"
        + "<div itemscope itemtype='https://schema.org/BlogPosting'><h2 itemprop=name>Post title</h2>"
        + "</div></body>";

    assertThat(read(html).title()).isEqualTo("Post title");
  }

  @Test
  void canonicalAndLicenceLinksAreRead() throws ExtractionFailure {
    String html = "<head><link rel=' Canonical ' href='/learn/the-page'>"
        + "<link rel='License' href='https://creativecommons.org/licenses/by-sa/4.0/'></head>";

    ResourceMetadata metadata = read(html);

    assertThat(metadata.canonicalUrl()).isEqualTo("https://example.org/learn/the-page");
    assertThat(metadata.licence()).isEqualTo("CC-BY-SA-4.0");
  }

  @Test
  void metaNamesMatchIgnoringCaseAndRdfaListsSeveralNames() throws ExtractionFailure {
    String html = "<meta property='og:description DC.description' content='Shared text'>"
        + "<meta NAME='Author' content='Grace Hopper'>";

    ResourceMetadata metadata = read(html);

    assertThat(metadata.description()).isEqualTo("Shared text");
    assertThat(metadata.authors()).containsExactly("Grace Hopper");
  }
}
