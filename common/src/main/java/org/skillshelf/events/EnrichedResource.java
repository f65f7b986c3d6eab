package org.skillshelf.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The enrich stage's result for one resource, successful or not. Keyed by {@code resourceId} on
 * the enriched topic.
 *
 * @param mainText the boilerplate-free text, bounded in length, used for tagging and search
 * @param fingerprint a 64-bit SimHash of the main text, for near-duplicate detection and content
 *     change checks
 */
public record EnrichedResource(
    int v,
    String resourceId,
    String url,
    @Nullable String finalUrl,
    EnrichmentStatus status,
    ResourceMetadata metadata,
    String mainText,
    long fingerprint,
    List<SkillSuggestion> suggestedSkills,
    List<String> submitterSkills,
    List<LikelyDuplicate> duplicates,
    @Nullable FetchSummary fetch,
    @Nullable Problem error,
    @Nullable String autoPublishBy,
    Instant at) {
  public static final int VERSION = 1;

  public EnrichedResource {
    suggestedSkills = List.copyOf(suggestedSkills);
    submitterSkills = List.copyOf(submitterSkills);
    duplicates = List.copyOf(duplicates);
  }

  /** Whether enrichment succeeded or failed for good. */
  public enum EnrichmentStatus {
    ENRICHED,
    FAILED
  }
}
