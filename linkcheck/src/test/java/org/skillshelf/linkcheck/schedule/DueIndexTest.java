package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class DueIndexTest {
  private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");
  private static final ToIntFunction<String> ANY = host -> Integer.MAX_VALUE;
  private final DueIndex index = new DueIndex();

  @Test
  void givesOnlyTheLinksDueByNowEarliestFirst() {
    index.put("late", NOON.plusSeconds(60), "example.org");
    index.put("second", NOON, "example.org");
    index.put("first", NOON.minusSeconds(5), "example.org");
    assertThat(index.due(NOON, 10, ANY)).containsExactly("first", "second");
  }

  @Test
  void aRescheduledLinkIsDueOnlyAtItsNewTime() {
    index.put("a", NOON.minusSeconds(5), "example.org");
    index.put("a", NOON.plusSeconds(5), "example.org");
    assertThat(index.due(NOON, 10, ANY)).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aRemovedLinkIsNeverDue() {
    index.put("a", NOON.minusSeconds(5), "example.org");
    index.remove("a");
    assertThat(index.due(NOON, 10, ANY)).isEmpty();
    assertThat(index.hostOf("a")).isNull();
  }

  @Test
  void givesAtMostTheLimit() {
    index.put("a", NOON.minusSeconds(3), "example.org");
    index.put("b", NOON.minusSeconds(2), "example.org");
    index.put("c", NOON.minusSeconds(1), "example.org");
    assertThat(index.due(NOON, 2, ANY)).containsExactly("a", "b");
  }

  @Test
  void everyHostWithLinksDueGetsItsShareHoweverLongAnotherHostsBacklog() {
    for (int n = 0; n < 1_000; n++) {
      index.put("big-" + n, NOON.minusSeconds(3_600).plusMillis(n), "big.example");
    }
    index.put("small-1", NOON.minusSeconds(2), "small.example");
    index.put("small-2", NOON.minusSeconds(1), "small.example");
    index.put("small-3", NOON.plusSeconds(1), "small.example");
    assertThat(index.due(NOON, 100, host -> 3)).containsExactly("big-0", "big-1", "big-2", "small-1", "small-2");
    assertThat(index.due(NOON, 100, host -> host.equals("big.example") ? 0 : 3)).containsExactly("small-1", "small-2");
    assertThat(index.hostOf("small-2")).isEqualTo("small.example");
  }

  @Test
  void aLinkMovedToAnotherHostLeavesItsOldHost() {
    index.put("a", NOON.minusSeconds(5), "old.example");
    index.put("a", NOON.minusSeconds(5), "new.example");
    assertThat(index.hostOf("a")).isEqualTo("new.example");
    assertThat(index.due(NOON, 10, host -> host.equals("old.example") ? 1 : 0)).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }
}
