package org.skillshelf.publish.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.events.SkillSuggestion;

/** Builds the record learners see from an enrichment and a curator's edits. */
final class CatalogueRecords {
  /** Enough main text for search and snippets; the rest stays in the enriched topic. */
  static final int MAX_TEXT = 20_000;

  private CatalogueRecords() {}

  static CatalogueRecord publish(EnrichedResource enriched, Edits edits, @Nullable CatalogueRecord previous,
      String curator, Instant at) {
    ResourceMetadata m = enriched.metadata();
    List<String> skills = edits.skills() != null ? edits.skills()
        : previous != null ? previous.skills()
        : enriched.suggestedSkills().stream().map(SkillSuggestion::id).toList();
    String fetched = enriched.finalUrl() != null ? enriched.finalUrl() : enriched.url();
    String title = firstNonBlank(edits.title(), previous == null ? null : previous.title(), m.title(), fetched);
    // A replaced link (the broken-links queue) stays replaced through later edits.
    String link = firstNonBlank(edits.url(), previous == null ? null : previous.url(), enriched.url());
    // Enrichment fingerprinted the old page; with a new link there is no approved text to compare
    // today's with, so 0 tells link checking to skip the content-drift test.
    long fingerprint = link.equals(enriched.url()) ? enriched.fingerprint() : 0L;
    String text = enriched.mainText().length() > MAX_TEXT ? enriched.mainText().substring(0, MAX_TEXT) : enriched.mainText();
    return new CatalogueRecord(
        CatalogueRecord.VERSION,
        enriched.resourceId(),
        link,
        title,
        firstNonBlankOrNull(edits.description(), previous == null ? null : previous.description(), m.description()),
        m.authors(),
        m.siteName(),
        m.language(),
        m.publishedAt(),
        firstNonBlankOrNull(edits.type(), previous == null ? null : previous.type(), m.type()),
        firstNonBlankOrNull(edits.level(), previous == null ? null : previous.level()),
        skills,
        m.licence(),
        m.image(),
        m.readingTimeMinutes(),
        edits.collections() != null ? edits.collections() : previous != null ? previous.collections() : List.of(),
        text,
        fingerprint,
        previous != null ? previous.approvedBy() : curator,
        previous != null ? previous.approvedAt() : at,
        at);
  }

  private static String firstNonBlank(@Nullable String... values) {
    return Objects.requireNonNull(firstNonBlankOrNull(values));
  }

  private static @Nullable String firstNonBlankOrNull(@Nullable String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
