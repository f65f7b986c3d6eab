package org.skillshelf.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkFormatTest {

  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      text/csv                  | - [A](https://example.org/)           | CSV
      Text/Markdown; charset=x  | https://example.org/                  | MARKDOWN
      text/html                 | https://example.org/                  | BOOKMARKS
      text/plain                | https://example.org/                  | PLAIN_TEXT
      NULL                      | <DT><A HREF="https://example.org/">A  | BOOKMARKS
      application/octet-stream  | "Url",title                           | CSV
      text/plain                | 3. [A](https://example.org/)          | MARKDOWN
      text/plain                | <https://example.org/>                | MARKDOWN
      text/plain                | https://example.org/url               | PLAIN_TEXT
      application/json          | https://example.org/                  | PLAIN_TEXT
      """)
  @ParameterizedTest
  void trustsSpecificTypesAndSniffsGenericOnes(String contentType, String body, BulkFormat expected) {
    assertThat(BulkFormat.detect(contentType, body)).isEqualTo(expected);
  }
}
