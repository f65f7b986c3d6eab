package org.skillshelf.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class BookmarkImportTest {

  private static final String EXPORT = """
      <!DOCTYPE NETSCAPE-Bookmark-file-1>
      <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
      <TITLE>Bookmarks</TITLE>
      <H1>Bookmarks</H1>
      <DL><p>
          <DT><H3 ADD_DATE="1700000000">Learning</H3>
          <DD>Things to read
          <DL><p>
              <DT><A HREF="https://example.org/git?a=1&amp;b=2" ADD_DATE="1700000001">Git &amp; you</A>
              <DD>A gentle introduction
              <DT><A HREF="javascript:void(0)">Bookmarklet</A>
              <DT><A HREF="https://example.org/sql">SQL</A>
          </DL><p>
      </DL><p>
      """;

  @Test
  void readsEachLinkWithItsTitleAndDescriptionAtTheLineOfItsTag() {
    BulkParse parse = BulkImportParser.parse("text/html", EXPORT);
    assertThat(parse.lines()).extracting(BulkLine::line, BulkLine::url, BulkLine::title, BulkLine::note)
        .containsExactly(
            tuple(9, "https://example.org/git?a=1&b=2", "Git & you", "A gentle introduction"),
            tuple(12, "https://example.org/sql", "SQL", null));
  }

  @Test
  void reportsLinksThatAreNotWebAddresses() {
    BulkParse parse = BulkImportParser.parse("text/html", EXPORT);
    assertThat(parse.errors()).extracting(BulkError::line, BulkError::code)
        .containsExactly(tuple(11, "INVALID_URL"));
  }

  @Test
  void isRecognisedInsideAPlainTextUpload() {
    assertThat(BulkImportParser.parse("text/plain", EXPORT).lines()).hasSize(2);
    assertThat(BulkImportParser.parse(null, EXPORT).lines()).hasSize(2);
  }

  @Test
  void skipsLinksWithinTheSamePage() {
    BulkParse parse = BulkImportParser.parse("text/html",
        "<a href=\"#top\">Top</a>\n<a href=\"https://example.org/\">Home</a>");
    assertThat(parse.lines()).extracting(BulkLine::line).containsExactly(2);
    assertThat(parse.errors()).isEmpty();
  }
}
