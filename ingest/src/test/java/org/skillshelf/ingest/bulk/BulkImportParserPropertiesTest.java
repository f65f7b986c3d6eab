package org.skillshelf.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.skillshelf.url.CanonicalUrl;

class BulkImportParserPropertiesTest {

  private static final String[] PIECES = {
    "https://example.org/", "http://[::1]/", "url", "title", "skills", ",", ";", "|", "\"", "\n",
    "\r\n", "\r", "#", " ", "- ", "* ", "1. ", "[", "]", "(", ")", "<", ">", "<https://x.y>",
    "<!DOCTYPE NETSCAPE-Bookmark-file-1>", "<DT><A HREF=\"", "\">", "</A>", "<DD>", "```", "\\",
    "%", "é", "\uFEFF", "\u0000", "\uD800", "javascript:", "&amp;"
  };

  @Property(tries = 2000)
  void neverThrowsAndEveryLineHoldsAnAcceptedAddress(
      @ForAll("contentTypes") String contentType, @ForAll("bodies") String body) {
    BulkParse parse = BulkImportParser.parse(contentType.isEmpty() ? null : contentType, body);
    int lineCount = Math.max(1, (int) body.lines().count());
    assertThat(parse.lines()).allSatisfy(line -> {
      assertThat(line.line()).isBetween(1, lineCount);
      assertThat(CanonicalUrl.of(line.url()).value()).isNotEmpty();
    });
    assertThat(parse.errors()).allSatisfy(error -> {
      assertThat(error.line()).isBetween(1, lineCount);
      assertThat(error.message()).isNotBlank();
    });
    assertThat(parse.lines().size() + parse.errors().size()).isPositive();
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("", "text/plain", "text/csv", "TEXT/CSV; charset=utf-8", "text/html",
        "text/markdown", "application/octet-stream", ";;", "text/csv;");
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(40)
        .map(list -> String.join("", list));
    return Arbitraries.oneOf(pieces, pieces, Arbitraries.strings().all().ofMaxLength(200));
  }
}
