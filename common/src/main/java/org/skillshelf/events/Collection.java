package org.skillshelf.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A curated collection or learning path, as curators last saved it. Keyed by {@code id} on the
 * compacted collections topic; deleting a collection is a tombstone. Only {@code published} ones
 * are shown to the public; a learning path's steps are meant to be followed in order.
 *
 * @param guestCurator the name of the guest curator who chose the resources, if any
 * @param guestCuratorBio a sentence or two about the guest curator
 * @param level beginner, intermediate or advanced (learning paths)
 * @param estimatedMinutes how long the whole path takes, roughly
 * @param steps the published resources in the order a learner meets them
 */
public record Collection(
    int v,
    String id,
    String title,
    @Nullable String description,
    @Nullable String guestCurator,
    @Nullable String guestCuratorBio,
    Kind kind,
    @Nullable String level,
    @Nullable Integer estimatedMinutes,
    List<Step> steps,
    boolean published,
    String updatedBy,
    Instant updatedAt) {
  public static final int VERSION = 1;

  public Collection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    steps = List.copyOf(steps);
  }

  /** A plain collection is a set of resources; a learning path is ordered, with a level and a time. */
  public enum Kind { COLLECTION, LEARNING_PATH }

  /** One resource of a collection with the curator's note on why or how to use it. */
  public record Step(String resourceId, @Nullable String note) {
    public Step {
      Objects.requireNonNull(resourceId, "resourceId");
    }
  }

  /** The same collection, published or not, saved by someone at some time. */
  public Collection withPublished(boolean value, String by, Instant at) {
    return new Collection(v, id, title, description, guestCurator, guestCuratorBio, kind, level, estimatedMinutes,
        steps, value, by, at);
  }
}
