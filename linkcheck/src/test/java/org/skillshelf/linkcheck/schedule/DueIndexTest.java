package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class DueIndexTest {
  private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");
  private static final ToIntFunction<String> ANY = host -> Integer.MAX_VALUE;
  private final DueIndex index = new DueIndex();

  private static ScheduledLink link(String key) {
    return new ScheduledLink(ScheduledLink.VERSION, key, "https://example.org/" + key, 0, NOON, 0);
  }

  private static List<String> keys(List<DueIndex.Due> due) {
    return due.stream().map(DueIndex.Due::key).toList();
  }

  @Test
  void givesOnlyTheLinksDueByNowEarliestFirst() {
    index.put(link("late"), NOON.plusSeconds(60), "example.org");
    index.put(link("second"), NOON, "example.org");
    index.put(link("first"), NOON.minusSeconds(5), "example.org");
    assertThat(keys(index.due(NOON, 10, ANY))).containsExactly("first", "second");
  }

  @Test
  void aRescheduledLinkIsDueOnlyAtItsNewTime() {
    index.put(link("a"), NOON.minusSeconds(5), "example.org");
    index.put(link("a"), NOON.plusSeconds(5), "example.org");
    assertThat(keys(index.due(NOON, 10, ANY))).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aRemovedLinkIsNeverDue() {
    index.put(link("a"), NOON.minusSeconds(5), "example.org");
    index.remove("a");
    assertThat(keys(index.due(NOON, 10, ANY))).isEmpty();
    assertThat(index.get("a")).isNull();
  }

  @Test
  void givesAtMostTheLimit() {
    index.put(link("a"), NOON.minusSeconds(3), "example.org");
    index.put(link("b"), NOON.minusSeconds(2), "example.org");
    index.put(link("c"), NOON.minusSeconds(1), "example.org");
    assertThat(keys(index.due(NOON, 2, ANY))).containsExactly("a", "b");
  }

  @Test
  void everyHostWithLinksDueGetsItsShareHoweverLongAnotherHostsBacklog() {
    for (int n = 0; n < 1_000; n++) {
      index.put(link("big-" + n), NOON.minusSeconds(3_600).plusMillis(n), "big.example");
    }
    index.put(link("small-1"), NOON.minusSeconds(2), "small.example");
    index.put(link("small-2"), NOON.minusSeconds(1), "small.example");
    index.put(link("small-3"), NOON.plusSeconds(1), "small.example");
    assertThat(keys(index.due(NOON, 100, host -> 3))).containsExactly("big-0", "big-1", "big-2", "small-1", "small-2");
    assertThat(keys(index.due(NOON, 100, host -> host.equals("big.example") ? 0 : 3))).containsExactly("small-1", "small-2");
    assertThat(index.get("small-2")).extracting(DueIndex.Due::host, DueIndex.Due::at)
        .containsExactly("small.example", NOON.minusSeconds(1));
  }

  @Test
  void aLinkMovedToAnotherHostLeavesItsOldHost() {
    index.put(link("a"), NOON.minusSeconds(5), "old.example");
    index.put(link("a"), NOON.minusSeconds(5), "new.example");
    assertThat(index.get("a")).extracting(DueIndex.Due::host).isEqualTo("new.example");
    assertThat(keys(index.due(NOON, 10, host -> host.equals("old.example") ? 1 : 0))).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }
}
