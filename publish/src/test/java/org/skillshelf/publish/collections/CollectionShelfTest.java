package org.skillshelf.publish.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.Collection;

class CollectionShelfTest {
  static Collection collection(String id, boolean published, int minute) {
    return new Collection(Collection.VERSION, id, "Title " + id, null, null, null, Collection.Kind.COLLECTION, null, null,
        List.of(new Collection.Step("r1", null)), published, "ada", Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60L * minute));
  }

  @Test
  void ignoresAChangeOlderThanTheOneHeld() {
    CollectionShelf shelf = new CollectionShelf();
    shelf.apply("c1", collection("c1", true, 2), 5);
    assertThat(shelf.apply("c1", collection("c1", false, 1), 4)).isFalse();
    assertThat(shelf.get("c1")).get().extracting(Collection::published).isEqualTo(true);
  }

  @Test
  void aDeletionHidesTheCollectionAndOutranksItsOlderVersions() {
    CollectionShelf shelf = new CollectionShelf();
    shelf.apply("c1", collection("c1", true, 1), 1);
    shelf.apply("c1", null, 2);
    shelf.apply("c1", collection("c1", true, 1), 1);
    assertThat(shelf.get("c1")).isEmpty();
    assertThat(shelf.size()).isZero();
  }

  @Test
  void showsOnlyPublishedCollectionsToThePublicNewestFirst() {
    CollectionShelf shelf = new CollectionShelf();
    shelf.apply("old", collection("old", true, 1), 1);
    shelf.apply("draft", collection("draft", false, 3), 1);
    shelf.apply("new", collection("new", true, 2), 1);
    assertThat(shelf.published()).extracting(Collection::id).containsExactly("new", "old");
    assertThat(shelf.published("draft")).isEmpty();
    assertThat(shelf.all()).hasSize(3);
  }

  @Test
  void findsThePublishedCollectionsThatHoldAResource() {
    CollectionShelf shelf = new CollectionShelf();
    shelf.apply("a", collection("a", true, 1), 1);
    shelf.apply("b", collection("b", false, 1), 1);
    assertThat(shelf.containing("r1")).extracting(Collection::id).containsExactly("a");
    assertThat(shelf.containing("r9")).isEmpty();
  }
}
