package org.skillshelf.publish.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillshelf.publish.search.Records.record;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CatalogueRecord;

/** Pages in harvesting order read from the index: range, sets, position, and changes not yet refreshed. */
class CatalogueIndexUpdatePagesTest {
  private CatalogueIndex index;

  @BeforeEach
  void open() {
    index = new CatalogueIndex();
    index.putAll(List.of(
        updated(record("d", "Four", "D.", List.of("open-data"), "guide", "en", 0), "2026-03-01T10:00:00Z"),
        updated(record("b", "Two", "B.", List.of(), "guide", "en", 0), "2026-03-01T09:00:00Z"),
        updated(record("c", "Three", "C.", List.of("open-data"), "guide", "en", 0), "2026-03-01T09:00:00Z"),
        updated(record("a", "One", "A.", List.of(), "guide", "en", 0), "2026-02-01T00:00:00Z")));
    index.refresh();
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void pagesOldestUpdateFirstWithTiesByIdFromThePosition() {
    UpdatePage first = index.updatedAfter(UpdateWindow.all(), 2);
    assertThat(ids(first)).containsExactly("a", "b");
    assertThat(first.more()).isTrue();
    assertThat(first.total()).isEqualTo(4);
    UpdatePage second = index.updatedAfter(after(null, null, null, null, first.records().getLast()), 2);
    assertThat(ids(second)).containsExactly("c", "d");
    assertThat(second.more()).isFalse();
    assertThat(second.total()).isEqualTo(4);
  }

  @Test
  void selectsTheTimeRangeInclusively() {
    UpdateWindow window = new UpdateWindow(Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:00:00.999Z"),
        null, null, 0, "");
    UpdatePage page = index.updatedAfter(window, 10);
    assertThat(ids(page)).containsExactly("b", "c");
    assertThat(page.total()).isEqualTo(2);
  }

  @Test
  void selectsASkillOrTheRecordsOfACollection() {
    assertThat(ids(index.updatedAfter(new UpdateWindow(null, null, "open-data", null, 0, ""), 10))).containsExactly("c", "d");
    assertThat(ids(index.updatedAfter(new UpdateWindow(null, null, null, Set.of("d", "a", "gone"), 0, ""), 10)))
        .containsExactly("a", "d");
  }

  @Test
  void selectsNothingFromAnEmptySet() {
    UpdatePage page = index.updatedAfter(new UpdateWindow(null, null, null, Set.of(), 0, ""), 10);
    assertThat(page.records()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.more()).isFalse();
  }

  @Test
  void mergesChangesNotYetRefreshedIntoThePageAndTheTotal() {
    index.put(updated(record("a", "One again", "A.", List.of(), "guide", "en", 0), "2026-04-01T00:00:00Z"));
    index.put(updated(record("e", "Five", "E.", List.of("open-data"), "guide", "en", 0), "2026-01-01T00:00:00Z"));
    index.remove("c");
    UpdatePage page = index.updatedAfter(UpdateWindow.all(), 10);
    assertThat(ids(page)).containsExactly("e", "b", "d", "a");
    assertThat(page.total()).isEqualTo(4);
    assertThat(index.updatedAfter(new UpdateWindow(null, null, "open-data", null, 0, ""), 10).total()).isEqualTo(2);
    index.refresh();
    assertThat(ids(index.updatedAfter(UpdateWindow.all(), 10))).containsExactly("e", "b", "d", "a");
  }

  @Test
  void answersAnEmptyPageAfterTheLastRecord() {
    UpdatePage page = index.updatedAfter(after(null, null, null, null, index.get("d").orElseThrow()), 10);
    assertThat(page.records()).isEmpty();
    assertThat(page.more()).isFalse();
    assertThat(page.total()).isEqualTo(4);
  }

  private static UpdateWindow after(@Nullable Instant from, @Nullable Instant until, @Nullable String skill,
      @Nullable Set<String> among, CatalogueRecord last) {
    return new UpdateWindow(from, until, skill, among, last.updatedAt().toEpochMilli(), last.resourceId());
  }

  private static List<String> ids(UpdatePage page) {
    return page.records().stream().map(CatalogueRecord::resourceId).toList();
  }

  private static CatalogueRecord updated(CatalogueRecord r, String at) {
    return new CatalogueRecord(r.v(), r.resourceId(), r.url(), r.title(), r.description(), r.authors(), r.siteName(),
        r.language(), r.publishedAt(), r.type(), r.level(), r.skills(), r.licence(), r.image(), r.readingTimeMinutes(),
        r.collections(), r.mainText(), r.fingerprint(), r.approvedBy(), r.approvedAt(), Instant.parse(at));
  }
}
