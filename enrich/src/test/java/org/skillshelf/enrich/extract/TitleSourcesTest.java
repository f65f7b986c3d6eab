package org.skillshelf.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TitleSourcesTest {

  private final ResourceExtractor extractor = new ResourceExtractor(ExtractionLimits.defaults());

  @AfterAll
  void close() {
    extractor.close();
  }

  private String title(String html) throws ExtractionFailure {
    return extractor.extract(URI.create("https://example.org/learn/page"), "text/html",
        html.getBytes(StandardCharsets.UTF_8), html).metadata().title();
  }

  @Test
  void readsJsonLdWrappedInACdataSection() throws ExtractionFailure {
    String html = "<title>Other - Site</title><meta property=og:title content='Teaser'>"
        + "<script type=application/ld+json>\n  <![CDATA[\n{\"@type\":\"NewsArticle\","
        + "\"headline\":\"The real headline\"}\n]]>\n</script>";

    assertThat(title(html)).isEqualTo("The real headline");
  }

  @Test
  void dublinCoreTitleBeatsOpenGraph() throws ExtractionFailure {
    String html = "<meta property=og:title content='Shared teaser'>"
        + "<meta name=DC.title content='Catalogued title'>";

    assertThat(title(html)).isEqualTo("Catalogued title");
  }

  @Test
  void aPropertyDeclaredMetaBeatsTheSameNameDeclaredAsName() throws ExtractionFailure {
    String html = "<meta name=DC.title content='Name form'>"
        + "<meta property=dc:title content='Property form'>";

    assertThat(title(html)).isEqualTo("Property form");
  }

  @Test
  void jsonLdNameWinsWhenOnlyItAgreesWithTheTitleElement() throws ExtractionFailure {
    String html = "<title>Hermitian matrix - Wikipedia</title><script type=application/ld+json>"
        + "{\"@type\":\"Article\",\"name\":\"Hermitian matrix\","
        + "\"headline\":\"matrix equal to its conjugate-transpose\"}</script>";

    assertThat(title(html)).isEqualTo("Hermitian matrix");
  }

  @Test
  void jsonLdHeadlineWinsWhenBothAgreeWithTheTitleElement() throws ExtractionFailure {
    String html = "<title>Rivers and floods explained | Earth</title><script type=application/ld+json>"
        + "{\"@type\":\"Article\",\"name\":\"Earth\",\"headline\":\"Rivers and floods explained\"}</script>";

    assertThat(title(html)).isEqualTo("Rivers and floods explained");
  }

  @Test
  void keepsTheSiteNameWhenFewerThanThreeWordsWouldBeLeft() throws ExtractionFailure {
    String html = "<title>Mozilla - Wikipedia</title><body><h1>Mozilla</h1></body>";

    assertThat(title(html)).isEqualTo("Mozilla - Wikipedia");
  }

  @Test
  void removesTheSiteNameWhenThreeWordsAreLeft() throws ExtractionFailure {
    String html = "<title>Reading contour lines - Wikipedia</title>"
        + "<body><h1>Reading contour lines</h1></body>";

    assertThat(title(html)).isEqualTo("Reading contour lines");
  }
}
