package org.skillshelf.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkImportLimitsTest {

  @Test
  void readsTenThousandAddresses() {
    BulkParse parse = BulkImportParser.parse("text/plain", addresses(10_000));
    assertThat(parse.lines()).hasSize(10_000);
    assertThat(parse.errors()).isEmpty();
  }

  @Test
  void stopsAtTheFirstAddressPastTenThousand() {
    BulkParse parse = BulkImportParser.parse("text/plain", "# header\n" + addresses(10_005));
    assertThat(parse.lines()).hasSize(10_000);
    assertThat(parse.errors()).singleElement().satisfies(error -> {
      assertThat(error.line()).isEqualTo(10_002);
      assertThat(error.code()).isEqualTo("TOO_MANY_LINES");
      assertThat(error.message()).contains("at most 10,000");
    });
  }

  @Test
  void countsInvalidAddressesTowardsTheLimit() {
    BulkParse parse = BulkImportParser.parse("text/csv", "url\n" + "nope\n".repeat(10_001));
    assertThat(parse.errors()).hasSize(10_001);
    assertThat(parse.errors().get(10_000).code()).isEqualTo("TOO_MANY_LINES");
    assertThat(parse.errors().get(10_000).line()).isEqualTo(10_002);
  }

  private static String addresses(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> "https://example.org/" + i)
        .collect(Collectors.joining("\n"));
  }
}
