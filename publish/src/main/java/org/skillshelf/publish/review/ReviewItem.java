package org.skillshelf.publish.review;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;

/**
 * One resource as the review queue holds it: its latest enrichment, where it stands, who decided
 * and, once approved, the record that was published. {@code version} grows with every change so
 * that a curator's decision can say which state it was made against.
 */
public record ReviewItem(
    int v,
    EnrichedResource enriched,
    ReviewState state,
    long version,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String reason,
    @Nullable CatalogueRecord published) {
  public static final int VERSION = 1;

  public static ReviewItem arrived(EnrichedResource enriched, @Nullable ReviewItem previous) {
    ReviewState state = enriched.status() == EnrichedResource.EnrichmentStatus.ENRICHED ? ReviewState.PENDING : ReviewState.FAILED;
    long version = previous == null ? 1 : previous.version() + 1;
    return new ReviewItem(VERSION, enriched, state, version, null, null, null, null);
  }

  public ReviewItem decided(ReviewState newState, String curator, Instant at, @Nullable String why,
      @Nullable CatalogueRecord record) {
    return new ReviewItem(VERSION, enriched, newState, version + 1, curator, at, why, record);
  }

  public String resourceId() {
    return enriched.resourceId();
  }
}
