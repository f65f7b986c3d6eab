package org.skillshelf.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvImportTest {

  @Test
  void readsUrlTitleNoteAndSkillsColumns() {
    BulkParse parse = BulkImportParser.parse("text/csv; charset=utf-8", """
        URL,Title,note,skills
        https://example.org/sql,SQL basics,"Short, clear",sql; databases|sql
        """);
    assertThat(parse.errors()).isEmpty();
    assertThat(parse.lines()).containsExactly(new BulkLine(2, "https://example.org/sql",
        "SQL basics", "Short, clear", List.of("sql", "databases")));
  }

  @Test
  void needsOnlyTheUrlColumnInAnyPosition() {
    BulkParse parse = BulkImportParser.parse("text/csv", "level,url\nbeginner,https://example.org/\n");
    assertThat(parse.lines()).containsExactly(
        new BulkLine(2, "https://example.org/", null, null, List.of()));
  }

  @Test
  void reportsAMissingUrlColumnAtLineOne() {
    BulkParse parse = BulkImportParser.parse("text/csv", "link,title\nhttps://example.org/,x\n");
    assertThat(parse.lines()).isEmpty();
    assertThat(parse.errors()).containsExactly(new BulkError(1, "MISSING_URL_COLUMN",
        "The CSV needs a header row with a column named url; the first row has: [link, title]."));
  }

  @Test
  void numbersRecordsByTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines() {
    BulkParse parse = BulkImportParser.parse("text/csv", """
        url,note
        https://example.org/a,"two
        lines"

        https://example.org/b,x
        not-an-address,y
        """);
    assertThat(parse.lines()).extracting(BulkLine::line, BulkLine::note).containsExactly(
        tuple(2, "two\nlines"),
        tuple(5, "x"));
    assertThat(parse.errors()).extracting(BulkError::line, BulkError::code)
        .containsExactly(tuple(6, "INVALID_URL"));
  }

  @Test
  void reportsARowWithoutAnAddress() {
    BulkParse parse = BulkImportParser.parse("text/csv", "url,title\n,Orphan title\n");
    assertThat(parse.errors()).containsExactly(
        new BulkError(2, "INVALID_URL", "This row has no address in the url column."));
  }

  @Test
  void skipsRowsOfBareDelimiters() {
    BulkParse parse = BulkImportParser.parse("text/csv", "url,title\nhttps://example.org/,A\n,,\n");
    assertThat(parse.lines()).hasSize(1);
    assertThat(parse.errors()).isEmpty();
  }

  @Test
  void reportsBrokenCsvSyntaxAndKeepsTheRowsBeforeIt() {
    BulkParse parse = BulkImportParser.parse("text/csv",
        "url,title\nhttps://example.org/a,A\nhttps://example.org/b,\"unclosed\n");
    assertThat(parse.lines()).extracting(BulkLine::url).containsExactly("https://example.org/a");
    assertThat(parse.errors()).singleElement().satisfies(error -> {
      assertThat(error.code()).isEqualTo("MALFORMED_CSV");
      assertThat(error.line()).isEqualTo(3);
    });
  }

  @Test
  void readsSemicolonSeparatedFilesFromSpreadsheets() {
    BulkParse parse = BulkImportParser.parse("text/csv", "url;title\nhttps://example.org/;Tabellen\n");
    assertThat(parse.lines()).extracting(BulkLine::title).containsExactly("Tabellen");
  }

  @Test
  void isRecognisedByItsHeaderWhenSentAsPlainText() {
    BulkParse parse = BulkImportParser.parse("text/plain", "url,title\nhttps://example.org/,A\n");
    assertThat(parse.lines()).extracting(BulkLine::title).containsExactly("A");
  }
}
