package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class DueIndexTest {
  private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");
  private static final BiPredicate<String, String> ANY = (key, host) -> true;
  private final DueIndex index = new DueIndex();

  @Test
  void givesOnlyTheLinksDueByNowEarliestFirst() {
    index.put("late", NOON.plusSeconds(60), "example.org");
    index.put("second", NOON, "example.org");
    index.put("first", NOON.minusSeconds(5), "example.org");
    assertThat(index.due(NOON, 10, ANY, Integer.MAX_VALUE)).containsExactly("first", "second");
  }

  @Test
  void aRescheduledLinkIsDueOnlyAtItsNewTime() {
    index.put("a", NOON.minusSeconds(5), "example.org");
    index.put("a", NOON.plusSeconds(5), "example.org");
    assertThat(index.due(NOON, 10, ANY, Integer.MAX_VALUE)).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aRemovedLinkIsNeverDue() {
    index.put("a", NOON.minusSeconds(5), "example.org");
    index.remove("a");
    assertThat(index.due(NOON, 10, ANY, Integer.MAX_VALUE)).isEmpty();
  }

  @Test
  void givesAtMostTheLimit() {
    index.put("a", NOON.minusSeconds(3), "example.org");
    index.put("b", NOON.minusSeconds(2), "example.org");
    index.put("c", NOON.minusSeconds(1), "example.org");
    assertThat(index.due(NOON, 2, ANY, Integer.MAX_VALUE)).containsExactly("a", "b");
  }

  @Test
  void passesOverUnwantedHostsAndScansNoFurtherThanAsked() {
    index.put("busy-1", NOON.minusSeconds(4), "busy.example");
    index.put("busy-2", NOON.minusSeconds(3), "busy.example");
    index.put("quiet-1", NOON.minusSeconds(2), "quiet.example");
    index.put("quiet-2", NOON.minusSeconds(1), "quiet.example");
    BiPredicate<String, String> notBusy = (key, host) -> !host.equals("busy.example");
    assertThat(index.due(NOON, 10, notBusy, Integer.MAX_VALUE)).containsExactly("quiet-1", "quiet-2");
    assertThat(index.due(NOON, 10, notBusy, 3)).containsExactly("quiet-1");
  }
}
