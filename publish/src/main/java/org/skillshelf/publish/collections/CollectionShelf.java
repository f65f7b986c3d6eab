package org.skillshelf.publish.collections;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.Collection;

/**
 * Every collection and learning path as the collections topic last said, curators' drafts included.
 * Thread-safe. Each change carries the Kafka offset it was written at, and a change older than the
 * one held for that collection is ignored: a curator's request applies its own write as soon as
 * Kafka acknowledges it (so the next page shows it), and the reader applying the same record later
 * changes nothing.
 *
 * <pre>{@code
 * shelf.apply("c-1", collection, 42);   // or a null collection for a deletion
 * shelf.published();                    // what the public sees, newest first
 * }</pre>
 */
public final class CollectionShelf {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** What is held for one collection id; a deletion is kept (with a null value) to order later changes. */
  private record Entry(@Nullable Collection collection, long offset) {}

  /**
   * Applies a change written at {@code offset} of the collection's partition.
   *
   * @param collection the new state, or null for a deletion
   * @return whether the change was newer than what was held, and so applied
   */
  public boolean apply(String id, @Nullable Collection collection, long offset) {
    boolean[] applied = {false};
    entries.compute(id, (key, held) -> {
      if (held != null && held.offset() >= offset) {
        return held;
      }
      applied[0] = true;
      return new Entry(collection, offset);
    });
    return applied[0];
  }

  public Optional<Collection> get(String id) {
    Entry entry = entries.get(id);
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.collection());
  }

  /** Every collection, drafts too, most recently changed first. */
  public List<Collection> all() {
    return entries.values().stream().map(Entry::collection).filter(c -> c != null).map(c -> (Collection) c)
        .sorted(Comparator.comparing(Collection::updatedAt).reversed().thenComparing(Collection::id)).toList();
  }

  /** The collections the public sees, most recently changed first. */
  public List<Collection> published() {
    return all().stream().filter(Collection::published).toList();
  }

  /** The published collection, if it exists and is published. */
  public Optional<Collection> published(String id) {
    return get(id).filter(Collection::published);
  }

  /** The published collections that include this resource. */
  public List<Collection> containing(String resourceId) {
    return published().stream().filter(c -> c.steps().stream().anyMatch(s -> s.resourceId().equals(resourceId))).toList();
  }

  public int size() {
    return (int) entries.values().stream().filter(e -> e.collection() != null).count();
  }
}
