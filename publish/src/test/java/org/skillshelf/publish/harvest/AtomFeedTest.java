package org.skillshelf.publish.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillshelf.publish.harvest.Xml.all;
import static org.skillshelf.publish.harvest.Xml.parse;
import static org.skillshelf.publish.search.Records.record;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.taxonomy.Taxonomy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AtomFeedTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String HOSTILE = "<script>alert(1)</script>\" onmouseover=\"x & \u0001]]>";

  @Test
  void listsEntriesNewestFirstAndParses() throws Exception {
    List<CatalogueRecord> newestFirst = List.of(
        record("b", "Second", "Newer", List.of("version-control"), "guide", "en", 2),
        record("a", "First", "Older", List.of(), "guide", "en", 1));
    Document feed = parse(build(newestFirst));
    assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
    List<Element> entries = all(feed, ATOM, "entry");
    assertThat(entries).hasSize(2);
    assertThat(all(feed, ATOM, "title")).extracting(Element::getTextContent)
        .containsExactly("New resources", "Second", "First");
    assertThat(all(feed, ATOM, "category").getFirst().getAttribute("label")).isEqualTo("Version control");
  }

  @Test
  void keepsAHostileTitleAsText() throws Exception {
    String xml = build(List.of(record("x", HOSTILE, HOSTILE, List.of(), "guide", "en", 1)));
    assertThat(xml).doesNotContain("<script>").doesNotContain("\u0001");
    Document feed = parse(xml);
    assertThat(all(feed, ATOM, "title").get(1).getTextContent())
        .isEqualTo("<script>alert(1)</script>\" onmouseover=\"x & ]]>");
  }

  @Test
  void anEmptyFeedStillParses() throws Exception {
    assertThat(all(parse(build(List.of())), ATOM, "entry")).isEmpty();
  }

  private static String build(List<CatalogueRecord> records) {
    return new AtomFeed(Taxonomy.builtIn()).build(records, "New resources", "https://s.example",
        "https://s.example/feed.xml", Instant.parse("2026-11-27T00:00:00Z"));
  }
}
