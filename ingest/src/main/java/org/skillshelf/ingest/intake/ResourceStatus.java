package org.skillshelf.ingest.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything ingest knows about one resource: its status with the history of changes, and every
 * suggestion of it (the first one started its enrichment; later ones were recorded only).
 */
public record ResourceStatus(
    int v,
    String resourceId,
    String url,
    String canonicalUrl,
    SubmissionStatus status,
    List<StatusChange> history,
    List<Suggestion> suggestions,
    @Nullable String detail) {
  public static final int VERSION = 1;
  static final int MAX_HISTORY = 50;
  static final int MAX_SUGGESTIONS = 200;

  public ResourceStatus {
    history = List.copyOf(history);
    suggestions = List.copyOf(suggestions);
  }

  /** One change of status. */
  public record StatusChange(SubmissionStatus status, Instant at, @Nullable String detail) {}

  /** One suggestion of the resource. */
  public record Suggestion(String submissionId, @Nullable String submitter, @Nullable String note, String channel, Instant at) {}

  public ResourceStatus moved(SubmissionStatus next, Instant at, @Nullable String why) {
    if (next == status && history.size() > 0) {
      return this;
    }
    List<StatusChange> changes = new ArrayList<>(history);
    changes.add(new StatusChange(next, at, why));
    if (changes.size() > MAX_HISTORY) {
      changes.subList(0, changes.size() - MAX_HISTORY).clear();
    }
    return new ResourceStatus(v, resourceId, url, canonicalUrl, next, changes, suggestions, why);
  }

  public ResourceStatus suggested(Suggestion suggestion) {
    if (suggestions.stream().anyMatch(s -> s.submissionId().equals(suggestion.submissionId()))
        || suggestions.size() >= MAX_SUGGESTIONS) {
      return this;
    }
    List<Suggestion> all = new ArrayList<>(suggestions);
    all.add(suggestion);
    return new ResourceStatus(v, resourceId, url, canonicalUrl, status, history, all, detail);
  }

  /** Whether a new suggestion should start enrichment again: only when the last attempt failed. */
  public boolean needsEnrichment() {
    return status == SubmissionStatus.FAILED;
  }
}
