package org.skillshelf.linkcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;

class LinkHealthCsvTest {
  @Test
  void aCellThatASpreadsheetWouldRunIsDefused() {
    assertThat(LinkHealthCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(LinkHealthCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }

  @Test
  void commasAndLineBreaksAreQuoted() {
    assertThat(LinkHealthCsv.cell("a,b\nc")).isEqualTo("\"a,b\nc\"");
  }

  @Test
  void eachLinkIsOneRowUnderTheHeader() {
    var check = new LinkCheck(LinkCheck.VERSION, "r1", "https://example.org/a", CheckOutcome.NOT_FOUND, 404, null, 12,
        "the server answered 404", Instant.parse("2026-01-01T00:00:00Z"));
    var health = new LinkHealth(LinkHealth.VERSION, "r1", "https://example.org/a", LinkState.DEGRADED, 1, check.checkedAt(),
        check.checkedAt(), null, check, List.of(LinkHealth.PastCheck.of(check)), null);
    assertThat(LinkHealthCsv.of(List.of(health)).split("\r\n")).containsExactly(LinkHealthCsv.HEADER,
        "r1,https://example.org/a,example.org,DEGRADED,NOT_FOUND,404,2026-01-01T00:00:00Z,1,2026-01-01T00:00:00Z,,the server answered 404");
  }
}
