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

  /** Fields the curator changed; null means "keep what enrichment found". */
  public record Edits(
      @Nullable String title,
      @Nullable String description,
      @Nullable List<String> skills,
      @Nullable String type,
      @Nullable String level,
      @Nullable List<String> collections) {
    public static Edits none() {
      return new Edits(null, null, null, null, null, null);
    }
  }
}
