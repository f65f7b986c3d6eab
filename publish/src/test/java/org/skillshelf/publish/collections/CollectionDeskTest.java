package org.skillshelf.publish.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.Collection;
import org.skillshelf.publish.collections.CollectionDraft.StepDraft;
import org.skillshelf.web.ApiException;

class CollectionDeskTest {
  private final List<String> written = new ArrayList<>();
  private final CollectionShelf shelf = new CollectionShelf();
  private final CollectionDesk desk = new CollectionDesk(shelf, (id, c) -> {
    written.add(id + ":" + (c == null ? "deleted" : c.published() ? "published" : "draft"));
    return written.size();
  }, new CollectionRules(Set.of("r1", "r2")::contains), Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC),
      () -> "x1");

  private static CollectionDraft draft(String title, String... resources) {
    return new CollectionDraft(title, null, null, null, null, null, null,
        java.util.Arrays.stream(resources).map(r -> new StepDraft(r, null)).toList());
  }

  @Test
  void createsAnUnpublishedCollectionWithAnIdFromItsTitle() {
    Collection c = desk.create("ada", draft("Métadonnées & RDF: a start!", "r1"));
    assertThat(c.id()).isEqualTo("metadonnees-rdf-a-start-x1");
    assertThat(c.published()).isFalse();
    assertThat(shelf.get(c.id())).contains(c);
    assertThat(written).containsExactly(c.id() + ":draft");
  }

  @Test
  void writesNothingWhenTheDraftIsRefused() {
    assertThatThrownBy(() -> desk.create("ada", draft("Path", "nope"))).isInstanceOf(ApiException.class);
    assertThat(written).isEmpty();
  }

  @Test
  void replacingKeepsThePublishedStateAndTheNewOrder() {
    String id = desk.create("ada", draft("Path", "r1", "r2")).id();
    desk.publish("grace", id);
    Collection reordered = desk.replace("grace", id, draft("Path", "r2", "r1"));
    assertThat(reordered.published()).isTrue();
    assertThat(reordered.steps()).extracting(Collection.Step::resourceId).containsExactly("r2", "r1");
    assertThat(reordered.updatedBy()).isEqualTo("grace");
  }

  @Test
  void unpublishingAndDeletingAreWrittenToo() {
    String id = desk.create("ada", draft("Path", "r1")).id();
    desk.publish("ada", id);
    desk.unpublish("ada", id);
    desk.delete(id);
    assertThat(written).containsExactly(id + ":draft", id + ":published", id + ":draft", id + ":deleted");
    assertThat(shelf.get(id)).isEmpty();
  }

  @Test
  void answersNotFoundForAnUnknownOrMalformedId() {
    assertThatThrownBy(() -> desk.publish("ada", "missing")).isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
    assertThatThrownBy(() -> desk.existing("../etc")).isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
  }
}
