package org.skillshelf.publish.collections;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.skillshelf.events.Collection;
import org.skillshelf.web.ApiException;

/**
 * What curators do to collections: create, replace (which is also how steps are reordered), delete,
 * publish and unpublish. Each change is checked by {@link CollectionRules}, written to the
 * collections topic and acknowledged before it returns, and then shown at once on the shelf.
 *
 * <pre>{@code
 * Collection path = desk.create("ada", draft);
 * desk.publish("ada", path.id());
 * }</pre>
 */
public final class CollectionDesk {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  private final CollectionShelf shelf;
  private final CollectionLog log;
  private final CollectionRules rules;
  private final Clock clock;
  private final Supplier<String> suffixes;

  public CollectionDesk(CollectionShelf shelf, CollectionLog log, CollectionRules rules, Clock clock) {
    this(shelf, log, rules, clock, () -> UUID.randomUUID().toString().substring(0, 6));
  }

  CollectionDesk(CollectionShelf shelf, CollectionLog log, CollectionRules rules, Clock clock, Supplier<String> suffixes) {
    this.shelf = shelf;
    this.log = log;
    this.rules = rules;
    this.clock = clock;
    this.suffixes = suffixes;
  }

  public CollectionShelf shelf() {
    return shelf;
  }

  /** A new, unpublished collection with an id made from its title. */
  public Collection create(String curator, CollectionDraft draft) {
    String id = slug(draft.title() == null ? "" : draft.title()) + "-" + suffixes.get();
    return save(rules.check(id, draft, false, curator, clock.instant()));
  }

  /** Replaces a collection's content; whether it is published stays as it was. */
  public Collection replace(String curator, String id, CollectionDraft draft) {
    Collection held = existing(id);
    Collection replaced = rules.check(id, draft, held.published(), curator, clock.instant());
    if (replaced.published()) {
      CollectionRules.checkPublishable(replaced);
    }
    return save(replaced);
  }

  public Collection publish(String curator, String id) {
    Collection held = existing(id);
    CollectionRules.checkPublishable(held);
    return save(held.withPublished(true, curator, clock.instant()));
  }

  public Collection unpublish(String curator, String id) {
    return save(existing(id).withPublished(false, curator, clock.instant()));
  }

  /** Deletes the collection (a tombstone on the topic). */
  public void delete(String id) {
    existing(id);
    shelf.apply(id, null, log.write(id, null));
  }

  /** The collection, drafts included, or a 404. */
  public Collection existing(String id) {
    if (!ID.matcher(id).matches()) {
      throw ApiException.notFound("The collection " + id);
    }
    return shelf.get(id).orElseThrow(() -> ApiException.notFound("The collection " + id));
  }

  private Collection save(Collection collection) {
    shelf.apply(collection.id(), collection, log.write(collection.id(), collection));
    return collection;
  }

  static String slug(String title) {
    String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    String slug = NOT_SLUG.matcher(plain).replaceAll("-").replaceAll("^-+|-+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "collection" : slug;
  }
}
