package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueIndexTest {
  private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");
  private final DueIndex index = new DueIndex();

  @Test
  void givesOnlyTheLinksDueByNowEarliestFirst() {
    index.put("late", NOON.plusSeconds(60));
    index.put("second", NOON);
    index.put("first", NOON.minusSeconds(5));
    assertThat(index.due(NOON, 10)).containsExactly("first", "second");
  }

  @Test
  void aRescheduledLinkIsDueOnlyAtItsNewTime() {
    index.put("a", NOON.minusSeconds(5));
    index.put("a", NOON.plusSeconds(5));
    assertThat(index.due(NOON, 10)).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aRemovedLinkIsNeverDue() {
    index.put("a", NOON.minusSeconds(5));
    index.remove("a");
    assertThat(index.due(NOON, 10)).isEmpty();
  }

  @Test
  void givesAtMostTheLimit() {
    index.put("a", NOON.minusSeconds(3));
    index.put("b", NOON.minusSeconds(2));
    index.put("c", NOON.minusSeconds(1));
    assertThat(index.due(NOON, 2)).containsExactly("a", "b");
  }
}
