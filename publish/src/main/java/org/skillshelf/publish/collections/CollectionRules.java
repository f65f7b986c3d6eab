package org.skillshelf.publish.collections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.Collection;
import org.skillshelf.events.Collection.Kind;
import org.skillshelf.events.Collection.Step;
import org.skillshelf.web.ApiException;

/**
 * What a saved collection must be: a title, texts of bounded length, a known kind and level, a
 * plausible time, and at most {@value #MAX_STEPS} steps, each a different resource that is published
 * in the catalogue. Anything else is refused with a 400 saying which field is wrong and why;
 * nothing is written.
 */
public final class CollectionRules {
  public static final int MAX_STEPS = 50;
  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 2_000;
  static final int MAX_NAME = 120;
  static final int MAX_BIO = 600;
  static final int MAX_NOTE = 500;
  static final int MAX_MINUTES = 100_000;
  public static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");

  private final Predicate<String> isPublished;

  /** @param isPublished whether a resource id names a record currently in the catalogue */
  public CollectionRules(Predicate<String> isPublished) {
    this.isPublished = isPublished;
  }

  /** The collection the draft describes, or a 400 naming the first problem. */
  public Collection check(String id, CollectionDraft draft, boolean published, String curator, Instant at) {
    String title = trimmed(draft.title());
    if (title == null) {
      throw ApiException.badRequest("TITLE_REQUIRED", "A collection needs a title.");
    }
    limit("title", title, MAX_TITLE);
    String description = limit("description", trimmed(draft.description()), MAX_DESCRIPTION);
    String guest = limit("guestCurator", trimmed(draft.guestCurator()), MAX_NAME);
    String bio = limit("guestCuratorBio", trimmed(draft.guestCuratorBio()), MAX_BIO);
    Integer minutes = draft.estimatedMinutes();
    if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
      throw ApiException.badRequest("BAD_TIME", "The estimated time must be between 1 and " + MAX_MINUTES + " minutes.");
    }
    return new Collection(Collection.VERSION, id, title, description, guest, bio, kind(draft.kind()), level(draft.level()),
        minutes, steps(draft.steps()), published, curator, at);
  }

  /** Publishing shows the collection to everyone, so it must lead somewhere. */
  public static void checkPublishable(Collection collection) {
    if (collection.steps().isEmpty()) {
      throw ApiException.badRequest("EMPTY_COLLECTION", "Add at least one resource before publishing \"" + collection.title() + "\".");
    }
  }

  private List<Step> steps(@Nullable List<CollectionDraft.StepDraft> drafts) {
    if (drafts == null) {
      return List.of();
    }
    if (drafts.size() > MAX_STEPS) {
      throw ApiException.badRequest("TOO_MANY_STEPS", "A collection holds at most " + MAX_STEPS + " resources; this one has "
          + drafts.size() + ".");
    }
    List<Step> steps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      CollectionDraft.StepDraft draft = drafts.get(i);
      String resourceId = draft == null ? null : trimmed(draft.resourceId());
      if (resourceId == null) {
        throw ApiException.badRequest("STEP_REQUIRED", "Step " + (i + 1) + " names no resource.");
      }
      if (!isPublished.test(resourceId)) {
        throw ApiException.badRequest("UNKNOWN_RESOURCE", "Step " + (i + 1) + ": \"" + resourceId
            + "\" is not a published resource in the catalogue.");
      }
      if (!seen.add(resourceId)) {
        throw ApiException.badRequest("DUPLICATE_STEP", "Step " + (i + 1) + ": \"" + resourceId + "\" is already in this collection.");
      }
      steps.add(new Step(resourceId, limit("note of step " + (i + 1), trimmed(draft.note()), MAX_NOTE)));
    }
    return steps;
  }

  private static Kind kind(@Nullable String raw) {
    String value = trimmed(raw);
    if (value == null) {
      return Kind.COLLECTION;
    }
    try {
      return Kind.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("BAD_KIND", "The kind must be COLLECTION or LEARNING_PATH, not \"" + value + "\".");
    }
  }

  private static @Nullable String level(@Nullable String raw) {
    String value = trimmed(raw);
    if (value == null) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(lower)) {
      throw ApiException.badRequest("BAD_LEVEL", "The level must be one of " + String.join(", ", LEVELS) + ", not \"" + value + "\".");
    }
    return lower;
  }

  private static @Nullable String limit(String field, @Nullable String value, int max) {
    if (value != null && value.length() > max) {
      throw ApiException.badRequest("TOO_LONG", "The " + field + " may have at most " + max + " characters; it has "
          + value.length() + ".");
    }
    return value;
  }

  private static @Nullable String trimmed(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
