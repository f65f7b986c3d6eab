package org.skillshelf.publish.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.FetchSummary;
import org.skillshelf.events.LikelyDuplicate;
import org.skillshelf.events.Problem;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.publish.review.ReviewState;

/** The contract's "enriched record" as curators see it, with where it stands in review. */
public record ResourceView(
    String resourceId,
    String url,
    @Nullable String finalUrl,
    String status,
    ResourceMetadata metadata,
    boolean languageMismatch,
    List<SkillSuggestion> suggestedSkills,
    List<String> submitterSkills,
    List<LikelyDuplicate> duplicates,
    @Nullable FetchSummary fetch,
    @Nullable Problem error,
    long version,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String reason,
    Instant enrichedAt) {

  static ResourceView of(ReviewItem item) {
    EnrichedResource e = item.enriched();
    return new ResourceView(e.resourceId(), e.url(), e.finalUrl(), status(item.state()), e.metadata(),
        e.metadata().languageMismatch(), e.suggestedSkills(), e.submitterSkills(), e.duplicates(), e.fetch(), e.error(),
        item.version(), item.decidedBy(), item.decidedAt(), item.reason(), e.at());
  }

  private static String status(ReviewState state) {
    return switch (state) {
      case PENDING -> "IN_REVIEW";
      case FAILED -> "FAILED";
      case APPROVED -> "PUBLISHED";
      case REJECTED -> "REJECTED";
      case WITHDRAWN -> "WITHDRAWN";
    };
  }
}
