package org.skillshelf.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A curator's decision about a resource in the review queue, or about a published record (edit,
 * withdraw). Keyed by {@code resourceId} on the decisions topic.
 */
public record ReviewDecision(
    int v,
    String decisionId,
    String resourceId,
    Verdict verdict,
    @Nullable String reason,
    Edits edits,
    String curator,
    Instant at) {
  public static final int VERSION = 1;

  /** What the curator decided. */
  public enum Verdict {
    APPROVE,
    REJECT,
    EDIT,
    WITHDRAW
  }

  /**
   * Fields the curator changed; null means "keep what enrichment found" (or, for a published
   * record, what it has now).
   *
   * @param url a replacement for the record's link (the broken-links queue's "replace the URL");
   *     added after version 1 was in use, so older decisions simply lack it and read as null
   */
  public record Edits(
      @Nullable String title,
      @Nullable String description,
      @Nullable List<String> skills,
      @Nullable String type,
      @Nullable String level,
      @Nullable List<String> collections,
      @Nullable String url) {

    /** Edits that keep the link. */
    public Edits(@Nullable String title, @Nullable String description, @Nullable List<String> skills, @Nullable String type,
        @Nullable String level, @Nullable List<String> collections) {
      this(title, description, skills, type, level, collections, null);
    }

    public static Edits none() {
      return new Edits(null, null, null, null, null, null, null);
    }

    /** Only a new link. */
    public static Edits newUrl(String url) {
      return new Edits(null, null, null, null, null, null, url);
    }
  }
}
