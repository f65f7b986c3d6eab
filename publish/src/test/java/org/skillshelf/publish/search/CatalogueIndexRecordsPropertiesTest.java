package org.skillshelf.publish.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillshelf.publish.search.Records.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.skillshelf.events.CatalogueRecord;

/** Any mix of puts, removals and refreshes reads back as a plain map of the records would. */
class CatalogueIndexRecordsPropertiesTest {
  /** One step: a put of version {@code day} of record {@code id}, a removal, or a refresh. */
  record Step(char kind, String id, int day) {}

  @Property(tries = 60)
  void readsLikeAMapAfterEveryStep(@ForAll("steps") List<Step> steps) {
    Map<String, CatalogueRecord> model = new HashMap<>();
    try (CatalogueIndex index = new CatalogueIndex()) {
      for (Step step : steps) {
        switch (step.kind()) {
          case 'p' -> {
            CatalogueRecord r = version(step.id(), step.day());
            index.put(r);
            model.put(r.resourceId(), StoredRecords.withText(r, ""));
          }
          case 'r' -> {
            index.remove(step.id());
            model.remove(step.id());
          }
          default -> index.refresh();
        }
        for (String id : List.of("a", "b", "c", "d")) {
          assertThat(index.get(id)).isEqualTo(Optional.ofNullable(model.get(id)));
        }
        assertThat(index.size()).isEqualTo(model.size());
        assertThat(index.newest(2)).isEqualTo(model.values().stream().sorted(StoredRecords.NEWEST_FIRST).limit(2).toList());
        List<CatalogueRecord> visited = new ArrayList<>();
        index.forEachRecord(visited::add);
        assertThat(visited).containsExactlyInAnyOrderElementsOf(model.values());
        assertThat(pagedByUpdate(index)).isEqualTo(model.values().stream().sorted(UpdateOrder.ORDER).toList());
      }
    }
  }

  /** Every record, two a page, each page starting after the last record of the one before. */
  private static List<CatalogueRecord> pagedByUpdate(CatalogueIndex index) {
    List<CatalogueRecord> all = new java.util.ArrayList<>();
    UpdateWindow window = UpdateWindow.all();
    UpdatePage page;
    do {
      page = index.updatedAfter(window, 2);
      assertThat(page.total()).isEqualTo(index.size());
      all.addAll(page.records());
      if (!page.records().isEmpty()) {
        CatalogueRecord last = page.records().getLast();
        window = new UpdateWindow(null, null, null, null, last.updatedAt().toEpochMilli(), last.resourceId());
      }
    } while (page.more());
    return all;
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = net.jqwik.api.Combinators.combine(
        Arbitraries.of('p', 'p', 'r', 'f'), Arbitraries.of("a", "b", "c", "d"), Arbitraries.integers().between(0, 3))
        .as(Step::new);
    return step.list().ofMaxSize(12);
  }

  /** Versions share days, so ties by id are exercised; the update time runs the other way round. */
  private static CatalogueRecord version(String id, int day) {
    CatalogueRecord r = record(id, "Title " + id + day, "About " + id + ".", List.of(), "guide", "en", day);
    Instant updated = Instant.parse("2026-06-01T00:00:00Z").minusSeconds(86_400L * day);
    return new CatalogueRecord(r.v(), r.resourceId(), r.url(), r.title(), r.description(), r.authors(), r.siteName(),
        r.language(), r.publishedAt(), r.type(), r.level(), r.skills(), r.licence(), r.image(), r.readingTimeMinutes(),
        r.collections(), r.mainText(), r.fingerprint(), r.approvedBy(), r.approvedAt(), updated);
  }
}
