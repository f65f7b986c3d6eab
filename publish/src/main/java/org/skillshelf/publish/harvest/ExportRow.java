package org.skillshelf.publish.harvest;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;

/** One published record as the CSV and JSON exports give it (everything but the main text). */
public record ExportRow(
    String resourceId,
    String url,
    String title,
    @Nullable String description,
    List<String> authors,
    @Nullable String siteName,
    @Nullable String language,
    @Nullable String publishedAt,
    @Nullable String type,
    @Nullable String level,
    List<String> skills,
    List<String> collections,
    @Nullable String licence,
    @Nullable Integer readingTimeMinutes,
    Instant approvedAt,
    Instant updatedAt,
    String linkState) {

  static ExportRow of(CatalogueRecord r, String linkState) {
    return new ExportRow(r.resourceId(), r.url(), r.title(), r.description(), r.authors(), r.siteName(), r.language(),
        r.publishedAt(), r.type(), r.level(), r.skills(), r.collections(), r.licence(), r.readingTimeMinutes(),
        r.approvedAt(), r.updatedAt(), linkState);
  }
}
