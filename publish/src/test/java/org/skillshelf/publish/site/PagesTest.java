package org.skillshelf.publish.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillshelf.publish.search.Records.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.search.CatalogueQuery;
import org.skillshelf.taxonomy.Taxonomy;

class PagesTest {
  private static final String HOSTILE = "<script>alert(1)</script>\" onmouseover=\"x";
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private CatalogueIndex index;
  private CatalogueRecord hostile;

  @BeforeEach
  void fill() {
    index = new CatalogueIndex(TAXONOMY);
    hostile = record("evil", HOSTILE, "Fixity checks </script><script>alert(2)</script>",
        List.of("digital-preservation"), "guide", "en", 1);
    index.put(hostile);
    index.put(record("pres", "Digital preservation handbook", "Fixity and migration for archives.",
        List.of("digital-preservation"), "guide", "en", 2));
    index.refresh();
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void recordPageShowsAHostileTitleAsText() {
    PageContent page = recordPage(hostile);
    assertThat(page.bodyHtml()).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x")
        .doesNotContain("<script>").doesNotContain("\" onmouseover=\"x");
    assertThat(page.headHtml()).doesNotContain("<script>alert").doesNotContain("</script><script>")
        .doesNotContain("\" onmouseover=\"x");
  }

  @Test
  void searchAndHomePagesShowAHostileTitleAsText() {
    PageContent search = new SearchPage(TAXONOMY).build(CatalogueQuery.text("fixity"), index.search(CatalogueQuery.text("fixity")));
    PageContent home = new HomePage(index, TAXONOMY).build();
    for (String body : List.of(search.bodyHtml(), home.bodyHtml())) {
      assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
          .doesNotContain("\" onmouseover=\"x");
    }
  }

  @Test
  void searchPageHighlightsMatchesAndLinksFacetsWithCounts() {
    var query = CatalogueQuery.text("fixity");
    String body = new SearchPage(TAXONOMY).build(query, index.search(query)).bodyHtml();
    assertThat(body).contains("<mark>Fixity</mark>")
        .contains("href=\"/search?q=fixity&amp;skill=digital-preservation\">Digital preservation</a> (2)")
        .contains("Link not checked yet");
  }

  @Test
  void searchPageLinksToTheNextPage() {
    var query = CatalogueQuery.text(null).withPage(1, 1);
    String body = new SearchPage(TAXONOMY).build(query, index.search(query)).bodyHtml();
    assertThat(body).contains("rel=\"next\" href=\"/search?size=1&amp;page=2\"");
  }

  @Test
  void homePageBrowsesByDigCompAreaAndSkill() {
    String body = new HomePage(index, TAXONOMY).build().bodyHtml();
    assertThat(body).contains("<a href=\"/search?area=1\">1 Information and data literacy</a>")
        .contains("<a href=\"/search?skill=digital-preservation\">Digital preservation</a> (2)")
        .contains("<h2>Newest additions</h2>");
  }

  @Test
  void recordPageEmbedsLearningResourceJsonLd() throws Exception {
    JsonNode ld = jsonLd(recordPage(hostile).headHtml());
    assertThat(ld.get("@type").asText()).isEqualTo("LearningResource");
    assertThat(ld.get("name").asText()).isEqualTo(HOSTILE);
    assertThat(ld.get("description").asText()).contains("</script><script>");
    assertThat(ld.get("url").asText()).isEqualTo("https://example.org/evil");
    assertThat(ld.get("inLanguage").asText()).isEqualTo("en");
    assertThat(ld.get("learningResourceType").asText()).isEqualTo("guide");
    assertThat(ld.get("educationalLevel").asText()).isEqualTo("beginner");
    assertThat(ld.get("timeRequired").asText()).isEqualTo("PT12M");
    assertThat(ld.get("license").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    assertThat(ld.get("isAccessibleForFree").asBoolean()).isTrue();
    assertThat(ld.get("teaches").get(0).get("@type").asText()).isEqualTo("DefinedTerm");
    assertThat(ld.get("teaches").get(0).get("name").asText()).isEqualTo("Digital preservation");
  }

  @Test
  void recordPageHasOpenGraphTagsAndSkillCompetences() {
    PageContent page = recordPage(index.get("pres").orElseThrow());
    assertThat(page.headHtml()).contains("<meta property=\"og:title\" content=\"Digital preservation handbook\">")
        .contains("<meta property=\"og:url\" content=\"https://skillshelf.example/resources/pres\">");
    assertThat(page.bodyHtml()).contains("DigComp 1.3 Managing data, information and digital content")
        .contains("<label for=\"report-note\">").contains("name=\"_csrf\"");
  }

  private PageContent recordPage(CatalogueRecord record) {
    return new RecordPage(TAXONOMY).build(record, "UNCHECKED", index.moreLikeThis(record.resourceId(), 3),
        "https://skillshelf.example", "<input type=\"hidden\" name=\"_csrf\" value=\"t\">", false);
  }

  private static JsonNode jsonLd(String head) throws Exception {
    Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(head);
    assertThat(m.find()).isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }
}
