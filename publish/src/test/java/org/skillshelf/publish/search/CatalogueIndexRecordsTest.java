package org.skillshelf.publish.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillshelf.publish.search.Records.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkState;

/** Records read back from the index: at once after a write, and in the newest and harvesting orders. */
class CatalogueIndexRecordsTest {
  private CatalogueIndex index;

  @BeforeEach
  void open() {
    index = new CatalogueIndex();
    index.putAll(List.of(
        record("b", "Second", "Two.", List.of("open-data"), "guide", "en", 2),
        record("a", "First", "One.", List.of(), "guide", "en", 1),
        record("c", "Third", "Three.", List.of(), "course", "de", 3)));
    index.refresh();
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void readsAPutRecordWithoutItsMainTextBeforeAndAfterTheRefresh() {
    CatalogueRecord put = record("new", "Fresh", "Just in.", List.of("open-data"), "video", "en", 9);
    index.put(put);
    assertThat(index.get("new")).contains(StoredRecords.withText(put, ""));
    index.refresh();
    assertThat(index.get("new")).contains(StoredRecords.withText(put, ""));
  }

  @Test
  void readsTheLaterVersionOfAReplacedRecordBeforeTheRefresh() {
    index.put(record("a", "First, revised", "One again.", List.of(), "guide", "en", 1));
    assertThat(index.get("a")).map(CatalogueRecord::title).contains("First, revised");
    index.refresh();
    assertThat(index.get("a")).map(CatalogueRecord::title).contains("First, revised");
  }

  @Test
  void forgetsARemovedRecordBeforeTheRefresh() {
    index.remove("b");
    assertThat(index.get("b")).isEmpty();
    assertThat(index.size()).isEqualTo(2);
    index.refresh();
    assertThat(index.get("b")).isEmpty();
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void readsARecordPutAgainAfterItsRemovalBeforeTheRefresh() {
    index.remove("c");
    index.put(record("c", "Third, back", "Three.", List.of(), "course", "de", 3));
    assertThat(index.get("c")).map(CatalogueRecord::title).contains("Third, back");
    assertThat(index.size()).isEqualTo(3);
    index.refresh();
    assertThat(index.get("c")).map(CatalogueRecord::title).contains("Third, back");
  }

  @Test
  void countsUnrefreshedPuts() {
    index.put(record("d", "Fourth", "Four.", List.of(), "guide", "en", 4));
    index.put(record("a", "First, revised", "One.", List.of(), "guide", "en", 1));
    assertThat(index.size()).isEqualTo(4);
  }

  @Test
  void listsNewestApprovalFirstWithTiesByIdBeforeAndAfterTheRefresh() {
    index.put(approved("tie-b", "2026-01-03T12:00:00Z"));
    index.put(approved("tie-a", "2026-01-03T12:00:00Z"));
    // A microsecond later: the order must not round to milliseconds, where the id would put it last.
    index.put(approved("zz-micro", "2026-01-03T12:00:00.000001Z"));
    index.remove("a");
    List<String> expected = List.of("c", "zz-micro", "tie-a", "tie-b", "b");
    assertThat(index.newest(10)).extracting(CatalogueRecord::resourceId).isEqualTo(expected);
    assertThat(index.newest(2)).extracting(CatalogueRecord::resourceId).containsExactly("c", "zz-micro");
    index.refresh();
    assertThat(index.newest(10)).extracting(CatalogueRecord::resourceId).isEqualTo(expected);
    assertThat(index.newest(2)).extracting(CatalogueRecord::resourceId).containsExactly("c", "zz-micro");
    assertThat(index.newest(Integer.MAX_VALUE)).extracting(CatalogueRecord::resourceId).isEqualTo(expected);
  }

  @Test
  void visitsEveryRecordOnceWithChangesNotYetRefreshed() {
    index.put(withUpdate(record("b", "Second", "Two.", List.of(), "guide", "en", 2), Instant.parse("2026-02-01T00:00:00Z")));
    index.put(record("z", "Last", "Z.", List.of(), "guide", "en", 0));
    index.remove("c");
    List<String> before = new ArrayList<>();
    index.forEachRecord(r -> before.add(r.resourceId()));
    index.refresh();
    List<String> after = new ArrayList<>();
    index.forEachRecord(r -> after.add(r.resourceId()));

    assertThat(before).containsExactlyInAnyOrder("a", "b", "z");
    assertThat(after).containsExactlyInAnyOrder("a", "b", "z");
  }

  @Test
  void keepsTheRecordReadableWhenALinkStateChangeReindexesIt() {
    index.linkState("b", LinkState.BROKEN);
    index.refresh();
    assertThat(index.get("b")).map(CatalogueRecord::title).contains("Second");
    assertThat(index.search(CatalogueQuery.text("second").withBroken(true)).items())
        .extracting(CatalogueHit::skills).containsExactly(List.of("open-data"));
  }

  @Test
  void showsAnUnrefreshedVersionOfARecordInSearchHits() {
    index.put(record("a", "First", "One, now longer.", List.of("open-data"), "guide", "en", 1));
    assertThat(index.search(CatalogueQuery.text("first")).items())
        .extracting(CatalogueHit::skills).containsExactly(List.of("open-data"));
  }

  private static CatalogueRecord approved(String id, String at) {
    CatalogueRecord r = record(id, "Title " + id, "About " + id + ".", List.of(), "guide", "en", 0);
    Instant when = Instant.parse(at);
    return new CatalogueRecord(r.v(), r.resourceId(), r.url(), r.title(), r.description(), r.authors(), r.siteName(),
        r.language(), r.publishedAt(), r.type(), r.level(), r.skills(), r.licence(), r.image(), r.readingTimeMinutes(),
        r.collections(), r.mainText(), r.fingerprint(), r.approvedBy(), when, when);
  }

  private static CatalogueRecord withUpdate(CatalogueRecord r, Instant updated) {
    return new CatalogueRecord(r.v(), r.resourceId(), r.url(), r.title(), r.description(), r.authors(), r.siteName(),
        r.language(), r.publishedAt(), r.type(), r.level(), r.skills(), r.licence(), r.image(), r.readingTimeMinutes(),
        r.collections(), r.mainText(), r.fingerprint(), r.approvedBy(), r.approvedAt(), updated);
  }

  @Test
  void listsTheNewestTeachingASkillIncludingUnrefreshedOnes() {
    index.put(record("d", "Fourth", "Four.", List.of("open-data"), "guide", "en", 4));
    index.put(record("a", "First", "One.", List.of("open-data"), "guide", "en", 1));
    assertThat(index.newestTeaching("open-data", 10)).extracting(CatalogueRecord::resourceId).containsExactly("d", "b", "a");
    assertThat(index.newestTeaching("open-data", 1)).extracting(CatalogueRecord::resourceId).containsExactly("d");
    index.refresh();
    assertThat(index.newestTeaching("open-data", 2)).extracting(CatalogueRecord::resourceId).containsExactly("d", "b");
    assertThat(index.newestTeaching("no-such-skill", 5)).isEmpty();
  }
}
