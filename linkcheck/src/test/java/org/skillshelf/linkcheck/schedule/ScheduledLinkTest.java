package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.EventSerde;

class ScheduledLinkTest {
  private static final Instant FIRST = Instant.parse("2026-01-01T00:00:30Z");
  private static final Instant NEXT = Instant.parse("2026-01-02T00:00:00Z");
  private final ScheduledLink link = new ScheduledLink(ScheduledLink.VERSION, "r1", "https://example.org/a", 42L, FIRST, 0);

  private static LinkHealth health(String url, Instant next) {
    return new LinkHealth(LinkHealth.VERSION, "r1", url, LinkState.HEALTHY, 0, null, null, null, null, List.of(), next);
  }

  @Test
  void isDueWhenItsHealthSaysOrAtItsFirstCheckBeforeItHasOne() {
    assertThat(link.dueAt(null)).isEqualTo(FIRST);
    assertThat(link.dueAt(health("https://example.org/a", NEXT))).isEqualTo(NEXT);
    assertThat(link.dueAt(health("https://example.org/a", null))).as("a health written before it kept the time").isEqualTo(FIRST);
    assertThat(link.dueAt(health("https://example.org/old", NEXT))).as("the health of the URL it had before").isEqualTo(FIRST);
  }

  @Test
  void aVersionOneRecordReadsItsNextCheckTimeAsItsFirst() {
    String v1 = """
        {"v":1,"resourceId":"r1","url":"https://example.org/a","fingerprint":42,"nextCheckAt":"2026-01-02T00:00:00Z","knownGoodBody":7}""";
    ScheduledLink read = EventSerde.of(ScheduledLink.class, ScheduledLink.VERSION).deserialize("t", v1.getBytes(StandardCharsets.UTF_8));
    assertThat(read.firstCheckAt()).isEqualTo(NEXT);
    assertThat(read.knownGoodBody()).isEqualTo(7L);
  }

  @Test
  void knowsThePageFoundFineFromItsStoredHealthWhenItWasJudgedAgainstItsText() {
    var good = new StoredHealth.KnownGood(77L, 42L);
    assertThat(link.knowingThePageFoundFine(new StoredHealth.Stored(health("https://example.org/a", NEXT), good)).knownGoodBody())
        .isEqualTo(77L);
    assertThat(link.knowingThePageFoundFine(new StoredHealth.Stored(health("https://example.org/a", NEXT),
        new StoredHealth.KnownGood(77L, 41L))).knownGoodBody()).as("judged against an earlier text").isZero();
    ScheduledLink stored8 = link.withKnownGoodBody(5L);
    assertThat(stored8.knowingThePageFoundFine(new StoredHealth.Stored(health("https://example.org/old", NEXT), good)))
        .as("the health of the URL it had before").isEqualTo(stored8);
    assertThat(stored8.knowingThePageFoundFine(new StoredHealth.Stored(health("https://example.org/a", NEXT), null)))
        .as("a health stored as JSON, by session 8").isEqualTo(stored8);
    assertThat(stored8.knowingThePageFoundFine(null)).isEqualTo(stored8);
  }
}
