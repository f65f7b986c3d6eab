package org.skillshelf.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class PlainTextImportTest {

  @Test
  void readsOneAddressALineSkippingBlanksAndComments() {
    BulkParse parse = BulkImportParser.parse("text/plain", """
        # my reading list
        https://example.org/a

          https://example.org/b\s\s
        """);
    assertThat(parse.lines()).extracting(BulkLine::line, BulkLine::url)
        .containsExactly(tuple(2, "https://example.org/a"),
            tuple(4, "https://example.org/b"));
    assertThat(parse.errors()).isEmpty();
  }

  @Test
  void keepsTheAddressAsWrittenWithNoTitleNoteOrSkills() {
    BulkLine line = BulkImportParser.parse("text/plain", "HTTPS://Example.org/a?utm_source=x")
        .lines().get(0);
    assertThat(line.url()).isEqualTo("HTTPS://Example.org/a?utm_source=x");
    assertThat(line.title()).isNull();
    assertThat(line.note()).isNull();
    assertThat(line.skills()).isEmpty();
  }

  @Test
  void reportsAnInvalidAddressWithItsLineAndKeepsTheOthers() {
    BulkParse parse = BulkImportParser.parse("text/plain",
        "https://example.org/a\nexample.org/b\r\nftp://example.org/c\rhttps://example.org/d\n");
    assertThat(parse.lines()).extracting(BulkLine::line).containsExactly(1, 4);
    assertThat(parse.errors()).containsExactly(
        new BulkError(2, "INVALID_URL", "The address must start with http:// or https://."
            + " Did you mean \u201chttps://example.org/b\u201d?"),
        new BulkError(3, "INVALID_URL", "The address must start with http:// or https://."));
  }

  @Test
  void refusesALineWithMoreThanTheAddress() {
    BulkParse parse = BulkImportParser.parse("text/plain", "https://example.org/a  a great intro");
    assertThat(parse.lines()).isEmpty();
    assertThat(parse.errors()).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("one address and nothing else"));
  }

  @Test
  void reportsAnEmptyImport() {
    assertThat(BulkImportParser.parse("text/plain", "\n# nothing yet\n").errors())
        .containsExactly(new BulkError(1, "NO_ADDRESSES", "The import holds no addresses."));
  }

  @Test
  void ignoresAByteOrderMark() {
    assertThat(BulkImportParser.parse("text/plain", "\uFEFFhttps://example.org/").lines())
        .extracting(BulkLine::url).containsExactly("https://example.org/");
  }
}
