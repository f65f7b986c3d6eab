package org.skillshelf.publish.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.ReviewDecision.Verdict;

/**
 * One resource as the review queue holds it: its latest enrichment, where it stands, who decided
 * and, once approved, the record that was published. {@code version} grows with every change so
 * that a curator's decision can say which state it was made against. {@code decisions} keeps the
 * most recent decisions that took effect, oldest first, for the resource's history.
 */
public record ReviewItem(
    int v,
    EnrichedResource enriched,
    ReviewState state,
    long version,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String reason,
    @Nullable CatalogueRecord published,
    List<DecisionSummary> decisions) {
  /** Version 2 added {@code decisions}; version 1 items read as having none. */
  public static final int VERSION = 2;
  /** Enough history for any real record, and a bound on what one store entry can grow to. */
  static final int MAX_DECISIONS = 50;

  public ReviewItem {
    // Items written before version 2 have no decisions field; Jackson passes null for it.
    decisions = List.copyOf(Objects.requireNonNullElse(decisions, List.of()));
  }

  public static ReviewItem arrived(EnrichedResource enriched, @Nullable ReviewItem previous) {
    ReviewState state = enriched.status() == EnrichedResource.EnrichmentStatus.ENRICHED ? ReviewState.PENDING : ReviewState.FAILED;
    long version = previous == null ? 1 : previous.version() + 1;
    return new ReviewItem(VERSION, enriched, state, version, null, null, null, null,
        previous == null ? List.of() : previous.decisions());
  }

  /** The same standing with a fresher enrichment (a decided resource enriched again). */
  public ReviewItem refreshed(EnrichedResource newer) {
    return new ReviewItem(VERSION, newer, state, version + 1, decidedBy, decidedAt, reason, published, decisions);
  }

  public ReviewItem decided(Verdict verdict, ReviewState newState, String curator, Instant at, @Nullable String why,
      @Nullable CatalogueRecord record) {
    List<DecisionSummary> history = new ArrayList<>(decisions);
    history.add(new DecisionSummary(verdict, curator, at, why));
    if (history.size() > MAX_DECISIONS) {
      history = history.subList(history.size() - MAX_DECISIONS, history.size());
    }
    return new ReviewItem(VERSION, enriched, newState, version + 1, curator, at, why, record, history);
  }

  public String resourceId() {
    return enriched.resourceId();
  }
}
