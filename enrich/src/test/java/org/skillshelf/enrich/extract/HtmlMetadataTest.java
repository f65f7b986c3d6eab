package org.skillshelf.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.skillshelf.events.ResourceMetadata;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlMetadataTest {

  private final ResourceExtractor extractor = new ResourceExtractor(ExtractionLimits.defaults());

  @AfterAll
  void close() {
    extractor.close();
  }

  private ResourceMetadata read(String url, String html) throws ExtractionFailure {
    return extractor.extract(URI.create(url), "text/html; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8), html).metadata();
  }

  private ResourceMetadata read(String html) throws ExtractionFailure {
    return read("https://example.org/learn/page", html);
  }

  @Test
  void jsonLdBeatsOpenGraphWhichBeatsTheTitleElement() throws ExtractionFailure {
    String head = "<title>From title</title><meta property=og:title content='From OpenGraph'>";
    String jsonLd = "<script type=application/ld+json>"
        + "{\"@type\":\"Article\",\"headline\":\"From JSON-LD\"}</script>";

    assertThat(read("<html><head>" + head + jsonLd + "</head></html>").title())
        .isEqualTo("From JSON-LD");
    assertThat(read("<html><head>" + head + "</head></html>").title()).isEqualTo("From OpenGraph");
    assertThat(read("<html><head><title>From title</title></head></html>").title())
        .isEqualTo("From title");
  }

  @Test
  void readsTheResourceNodeInsideAGraph() throws ExtractionFailure {
    String html = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
        + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Data Lab\"},"
        + "{\"@type\":[\"BlogPosting\"],\"headline\":\"Tidy data\","
        + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ada Byron\"},\"Alan Turing\"],"
        + "\"datePublished\":\"2024-03-01T10:00:00+01:00\",\"inLanguage\":\"en-GB\","
        + "\"license\":\"https://creativecommons.org/licenses/by-sa/4.0/\"}]}</script>";

    ResourceMetadata metadata = read(html);

    assertThat(metadata.title()).isEqualTo("Tidy data");
    assertThat(metadata.authors()).containsExactly("Ada Byron", "Alan Turing");
    assertThat(metadata.siteName()).isEqualTo("Data Lab");
    assertThat(metadata.publishedAt()).isEqualTo("2024-03-01T10:00+01:00");
    assertThat(metadata.declaredLanguage()).isEqualTo("en");
    assertThat(metadata.licence()).isEqualTo("CC-BY-SA-4.0");
    assertThat(metadata.type()).isEqualTo("blog-post");
  }

  @Test
  void brokenJsonLdLeavesTheOtherSourcesReadable() throws ExtractionFailure {
    String html = "<script type=application/ld+json>{\"@type\":\"Article\",</script>"
        + "<meta property=og:title content='Still here'>";

    assertThat(read(html).title()).isEqualTo("Still here");
  }

  @Test
  void removesTheSiteNameSuffixFromTheTitleElement() throws ExtractionFailure {
    String html = "<head><title>Rivers and floods | Earth Lab</title>"
        + "<meta property=og:site_name content='Earth Lab'></head>";

    assertThat(read(html).title()).isEqualTo("Rivers and floods");
  }

  @Test
  void removesAPrefixThatNamesTheHost() throws ExtractionFailure {
    String html = "<title>Geolab :: Reading contour lines</title>";

    assertThat(read("https://www.geolab.org/maps", html).title())
        .isEqualTo("Reading contour lines");
  }

  @Test
  void keepsADashThatIsPartOfTheTitle() throws ExtractionFailure {
    assertThat(read("<title>Cats - Part 2</title>").title()).isEqualTo("Cats - Part 2");
  }

  @Test
  void scriptMarkupInATitleComesOutAsPlainTextWithTheScriptDropped() throws ExtractionFailure {
    String html = "<title>Hello &lt;script&gt;alert(1)&lt;/script&gt;world</title>";

    assertThat(read(html).title()).isEqualTo("Hello world");
  }

  @Test
  void attributeInjectionInAMetaTitleStaysInertText() throws ExtractionFailure {
    String html = "<meta property=og:title content='\" onmouseover=\"alert(1)'>";

    assertThat(read(html).title()).isEqualTo("\" onmouseover=\"alert(1)");
  }

  @Test
  void controlCharactersAndEntitiesAreCleanedFromDescriptions() throws ExtractionFailure {
    String html = "<meta name=description content='Tom &amp;amp; Jerry\u0007  \n<b>bold</b>'>";

    assertThat(read(html).description()).isEqualTo("Tom & Jerry bold");
  }

  @Test
  void boundsTitleLengthAndAuthorCount() throws ExtractionFailure {
    StringBuilder authors = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      authors.append("<meta name=citation_author content='Author ").append(i).append("'>");
    }
    String html = "<title>" + "word ".repeat(200) + "</title>" + authors;

    ResourceMetadata metadata = read(html);

    assertThat(metadata.title()).hasSizeLessThanOrEqualTo(300);
    assertThat(metadata.authors()).hasSize(20);
  }

  @Test
  void recognisesACreativeCommonsLicenceLink() throws ExtractionFailure {
    String html = "<p>Text <a rel=license href='https://creativecommons.org/licenses/by/4.0/'>"
        + "CC BY</a></p>";

    assertThat(read(html).licence()).isEqualTo("CC-BY-4.0");
  }

  @Test
  void typeComesFromWellKnownPlatforms() throws ExtractionFailure {
    assertThat(read("https://www.youtube.com/watch?v=abc", "<title>x</title>").type())
        .isEqualTo("video");
    assertThat(read("https://www.coursera.org/learn/ml", "<title>x</title>").type())
        .isEqualTo("course");
    assertThat(read("https://speakerdeck.com/a/b", "<title>x</title>").type()).isEqualTo("slides");
    assertThat(read("https://github.com/a/b", "<title>x</title>").type()).isEqualTo("software");
    assertThat(read("https://zenodo.org/records/1", "<title>x</title>").type())
        .isEqualTo("dataset");
  }

  @Test
  void videoReadingTimeIsItsDuration() throws ExtractionFailure {
    String html = "<script type=application/ld+json>{\"@type\":\"VideoObject\",\"name\":\"Intro\","
        + "\"duration\":\"PT12M30S\",\"isAccessibleForFree\":\"True\"}</script>";

    ResourceMetadata metadata = read(html);

    assertThat(metadata.type()).isEqualTo("video");
    assertThat(metadata.readingTimeMinutes()).isEqualTo(13);
    assertThat(metadata.freeToAccess()).isTrue();
  }

  @Test
  void detectsTheLanguageTheTextIsWrittenInNotTheOneDeclared() throws ExtractionFailure {
    String html = "<html lang=en><body><article><p>Die Katze sitzt auf der Matte und schaut "
        + "aus dem Fenster, während draußen der Regen fällt und die Kinder in der Schule "
        + "lernen, wie man Brüche addiert und subtrahiert.</p></article></body></html>";

    ResourceMetadata metadata = read(html);

    assertThat(metadata.language()).isEqualTo("de");
    assertThat(metadata.declaredLanguage()).isEqualTo("en");
    assertThat(metadata.languageMismatch()).isTrue();
  }
}
