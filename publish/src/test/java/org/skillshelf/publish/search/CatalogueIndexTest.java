package org.skillshelf.publish.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.skillshelf.publish.search.Records.record;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkState;
import org.skillshelf.taxonomy.Taxonomy;

class CatalogueIndexTest {
  private CatalogueIndex index;

  @BeforeEach
  void fill() {
    index = new CatalogueIndex(Taxonomy.builtIn());
    List.of(
        record("meta", "Metadata basics for librarians", "Dublin Core, MARC and schema.org explained for cataloguers.",
            List.of("metadata-cataloguing"), "course", "en", 1),
        record("pres", "Digital preservation handbook", "Keeping files readable for decades: formats, fixity and migration.",
            List.of("digital-preservation"), "guide", "en", 2),
        record("rdm", "Research data management plans", "Writing a data management plan that funders accept.",
            List.of("research-data-management"), "guide", "en", 3),
        record("git", "Version control with Git", "Branches, commits and pull requests for beginners.",
            List.of("version-control"), "tutorial", "en", 4),
        record("a11y", "Accessible websites for libraries", "WCAG checks every library website should pass.",
            List.of("accessibility"), "guide", "en", 5),
        record("copy", "Copyright for educators", "Fair use, licences and Creative Commons in teaching.",
            List.of("copyright-licensing"), "course", "en", 6),
        record("priv", "Privacy and patron data", "Protecting reader records and personal data in libraries.",
            List.of("data-privacy"), "article", "en", 7),
        record("open", "Publishing open data", "Open licences, portals and linked open data for public bodies.",
            List.of("open-data"), "guide", "en", 8),
        record("make", "Running a makerspace", "3D printers, laser cutters and safe workshops in the library.",
            List.of("makerspaces"), "article", "en", 9),
        record("ux", "User experience research in libraries", "Interviews, card sorting and usability tests.",
            List.of("web-ux"), "video", "en", 10),
        record("meta-de", "Metadaten im Bibliothekswesen", "Eine Einführung in Metadaten und Normdaten.",
            List.of("metadata-cataloguing"), "course", "de", 11),
        record("linked", "Linked data for cataloguers", "From MARC records to linked data with BIBFRAME.",
            List.of("metadata-cataloguing"), "tutorial", "en", 12))
        .forEach(index::put);
    index.refresh();
  }

  @AfterEach
  void close() {
    index.close();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "metadata basics | meta",
      "metdata basics | meta",
      "preserving files | pres",
      "data management plan | rdm",
      "git | git",
      "accessible website | a11y",
      "wcag | a11y",
      "creative commons | copy",
      "patron privacy | priv",
      "makerspace | make",
      "usability | ux",
      "'\"linked data\" bibframe' | linked",
  })
  void ranksTheExpectedRecordFirst(String text, String expectedFirst) {
    SearchResult result = index.search(CatalogueQuery.text(text));
    assertThat(result.items()).isNotEmpty();
    assertThat(result.items().getFirst().resourceId()).isEqualTo(expectedFirst);
  }

  @Test
  void forgivesATypoOnlyWhenNothingMatchesExactly() {
    assertThat(index.search(CatalogueQuery.text("metdata")).approximate()).isTrue();
    assertThat(index.search(CatalogueQuery.text("metdata")).items()).extracting(CatalogueHit::resourceId).contains("meta");
    assertThat(index.search(CatalogueQuery.text("metadata")).approximate()).isFalse();
  }

  @Test
  void findsStemmedForms() {
    assertThat(index.search(CatalogueQuery.text("preserving")).items())
        .extracting(CatalogueHit::resourceId).containsExactly("pres");
  }

  @Test
  void keepsAPhraseTogetherAndExact() {
    assertThat(index.search(CatalogueQuery.text("\"open data\"")).items())
        .extracting(CatalogueHit::resourceId).containsExactly("open");
    assertThat(index.search(CatalogueQuery.text("\"data open\"")).total()).isZero();
    assertThat(index.search(CatalogueQuery.text("\"metdata basics\"")).total()).isZero();
  }

  @Test
  void marksMatchesInAnEscapedSnippet() {
    index.put(record("evil", "Hostile <b>record</b>", "Fixity <script>alert(1)</script> checks", List.of(), "guide", "en", 13));
    index.refresh();
    CatalogueHit hit = index.search(CatalogueQuery.text("fixity checks")).items().stream()
        .filter(h -> h.resourceId().equals("evil")).findFirst().orElseThrow();
    assertThat(hit.snippetHtml()).contains("<mark>Fixity</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(hit.snippet()).contains("Fixity <script>alert(1)</script> checks").doesNotContain("<mark>");
  }

  @Test
  void marksOnlyThePhraseWhereItOccurs() {
    String html = index.search(CatalogueQuery.text("\"open data\"")).items().getFirst().snippetHtml();
    assertThat(html).contains("<mark>open</mark> <mark>data</mark>").doesNotContain("<mark>Open</mark> licences");
  }

  @Test
  void countsFacetsOverAllMatches() {
    SearchResult result = index.search(CatalogueQuery.text(null));
    assertThat(result.total()).isEqualTo(12);
    assertThat(result.facets().get("skill")).containsEntry("metadata-cataloguing", 3).containsEntry("version-control", 1);
    assertThat(result.facets().get("type")).containsEntry("guide", 4).containsEntry("course", 3);
    assertThat(result.facets().get("language")).containsEntry("en", 11).containsEntry("de", 1);
    assertThat(result.facets().get("linkState")).containsEntry("UNCHECKED", 12);
  }

  @Test
  void facetsTheDigCompAreasOfTheSkills() {
    SearchResult result = index.search(CatalogueQuery.text(null));
    assertThat(result.facets().get("area")).isNotEmpty();
    String area = result.facets().get("area").keySet().iterator().next();
    long inArea = result.facets().get("area").get(area);
    var filtered = new CatalogueQuery(null, null, area, null, null, null, null, false, CatalogueQuery.Sort.RELEVANCE, 1, 50);
    assertThat(index.search(filtered).total()).isEqualTo(inArea);
  }

  @Test
  void filtersByFacet() {
    var query = CatalogueQuery.text("metadata").withSkill("metadata-cataloguing");
    assertThat(index.search(query).items()).extracting(CatalogueHit::resourceId).containsExactlyInAnyOrder("meta", "linked", "meta-de");
  }

  @Test
  void hidesBrokenLinksUnlessAskedFor() {
    index.linkState("git", LinkState.BROKEN);
    index.refresh();
    assertThat(index.search(CatalogueQuery.text("git")).total()).isZero();
    var withBroken = index.search(CatalogueQuery.text("git").withBroken(true));
    assertThat(withBroken.items()).extracting(CatalogueHit::linkState).containsExactly("BROKEN");
    assertThat(index.search(CatalogueQuery.text("git").withBroken(true)).items().getFirst().snippet()).isNotBlank();
  }

  @Test
  void aLinkStateChangeKeepsTheMainTextSearchableAndShowsAfterTheNextRefresh() {
    CatalogueRecord r = record("emul", "Emulation notes", "Old software, new machines.", List.of(), "guide", "en", 14);
    index.put(new CatalogueRecord(r.v(), r.resourceId(), r.url(), r.title(), r.description(), r.authors(), r.siteName(),
        r.language(), r.publishedAt(), r.type(), r.level(), r.skills(), r.licence(), r.image(), r.readingTimeMinutes(),
        r.collections(), "Running a Commodore emulator in the reading room.", r.fingerprint(), r.approvedBy(), r.approvedAt(),
        r.updatedAt()));
    index.linkState("emul", LinkState.DEGRADED);
    index.refresh();
    SearchResult found = index.search(CatalogueQuery.text("commodore"));
    assertThat(found.items()).extracting(CatalogueHit::resourceId, CatalogueHit::linkState).containsExactly(tuple("emul", "DEGRADED"));
    assertThat(found.items().getFirst().snippetHtml()).contains("<mark>Commodore</mark>");
    assertThat(found.facets().get("linkState")).containsEntry("DEGRADED", 1);
  }

  @Test
  void indexesABatchWhereTheLaterVersionOfARecordWins() {
    index.putAll(List.of(
        record("tei", "Encoding texts with TEI", "Markup for scholarly editions.", List.of(), "guide", "en", 15),
        record("iiif", "Sharing images with IIIF", "Deep zoom for digitised collections.", List.of(), "guide", "en", 16),
        record("tei", "Encoding manuscripts with TEI", "Markup for scholarly editions.", List.of(), "guide", "en", 17)));
    index.refresh();
    assertThat(index.search(CatalogueQuery.text("tei")).items()).extracting(CatalogueHit::title)
        .containsExactly("Encoding manuscripts with TEI");
    assertThat(index.search(CatalogueQuery.text("iiif")).total()).isEqualTo(1);
    assertThat(index.size()).isEqualTo(14);
  }

  @Test
  void removalRemovesFromSearch() {
    index.remove("make");
    index.refresh();
    assertThat(index.search(CatalogueQuery.text("makerspace")).total()).isZero();
    assertThat(index.get("make")).isEmpty();
  }

  @Test
  void sortsNewestFirst() {
    var result = index.search(CatalogueQuery.text(null).withSort(CatalogueQuery.Sort.NEWEST).withPage(1, 3));
    assertThat(result.items()).extracting(CatalogueHit::resourceId).containsExactly("linked", "meta-de", "ux");
  }

  @Test
  void pagesThroughResults() {
    var newest = CatalogueQuery.text(null).withSort(CatalogueQuery.Sort.NEWEST);
    assertThat(index.search(newest.withPage(2, 5)).items()).extracting(CatalogueHit::resourceId)
        .containsExactly("priv", "copy", "a11y", "git", "rdm");
    assertThat(index.search(newest.withPage(3, 5)).items()).hasSize(2);
    assertThat(index.search(newest.withPage(9, 5)).items()).isEmpty();
  }

  @Test
  void suggestsTitlesAsYouType() {
    assertThat(index.suggest("meta", 5)).extracting(Suggestion::resourceId).containsExactlyInAnyOrder("meta", "meta-de");
    assertThat(index.suggest("metadata b", 5)).extracting(Suggestion::resourceId).containsExactly("meta");
    assertThat(index.suggest("linked d", 5)).extracting(Suggestion::title).containsExactly("Linked data for cataloguers");
    assertThat(index.suggest("   ", 5)).isEmpty();
  }

  @Test
  void findsMoreLikeThis() {
    assertThat(index.moreLikeThis("meta", 3)).extracting(CatalogueHit::resourceId).contains("linked").doesNotContain("meta");
    assertThat(index.moreLikeThis("unknown", 3)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"'\"unterminated phrase'", "***", "-", "~~~", "'((('", "a*", "'\u0000'"})
  void answersOddQueriesWithoutFailing(String text) {
    assertThat(index.search(CatalogueQuery.text(text)).total()).isGreaterThanOrEqualTo(0);
    assertThat(index.suggest(text, 5)).hasSizeLessThanOrEqualTo(5);
  }
}
