package org.skillshelf.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarkdownImportTest {

  private static final String AWESOME = """
      # Awesome SQL [![Awesome](https://example.org/badge.svg)](https://example.org/awesome)

      ## Contents
      - [Tutorials](#tutorials)

      ## Tutorials
      - [SQL Basics](https://example.org/sql) - A short course.
      * [Joins (visual)](https://en.example.org/wiki/Join_(SQL) "tooltip") \u2013 Diagrams.
      1. [Indexes](<https://example.org/an index>)
      2) <https://example.org/window-functions> - Window functions.
      - https://example.org/bare - Bare link.
      - [Relative](CONTRIBUTING.md)

      ```
      - [Not an entry](https://example.org/code)
      ```
      Prose mentioning [a link](https://example.org/prose) is not an entry.
      <https://example.org/autolink>
      """;

  @Test
  void readsListItemLinksWithTitleAndDescription() {
    BulkParse parse = BulkImportParser.parse("text/markdown", AWESOME);
    assertThat(parse.lines()).extracting(BulkLine::line, BulkLine::url, BulkLine::title, BulkLine::note)
        .containsExactly(
            tuple(7, "https://example.org/sql", "SQL Basics", "A short course."),
            tuple(8, "https://en.example.org/wiki/Join_(SQL)", "Joins (visual)", "Diagrams."),
            tuple(9, "https://example.org/an index", "Indexes", null),
            tuple(10, "https://example.org/window-functions", null, "Window functions."),
            tuple(11, "https://example.org/bare", null, "Bare link."),
            tuple(18, "https://example.org/autolink", null, null));
  }

  @Test
  void reportsRelativeLinksAndSkipsTheTableOfContents() {
    BulkParse parse = BulkImportParser.parse("text/markdown", AWESOME);
    assertThat(parse.errors()).extracting(BulkError::line, BulkError::code)
        .containsExactly(tuple(12, "INVALID_URL"));
  }

  @Test
  void readsALineOfManyBracketsInLinearTime() {
    String hostile = "- " + "[".repeat(100_000) + "](".repeat(50_000) + "\n- [A](https://example.org/a)";
    BulkParse parse = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> BulkImportParser.parse("text/markdown", hostile));
    assertThat(parse.lines()).extracting(BulkLine::line).containsExactly(2);
  }

  @Test
  void isRecognisedWhenSentAsPlainText() {
    assertThat(BulkImportParser.parse("text/plain", AWESOME).lines()).hasSize(6);
    assertThat(BulkImportParser.parse(null, "- [A](https://example.org/a)").lines()).hasSize(1);
  }
}
