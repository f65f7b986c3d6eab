package org.skillshelf.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published resource as learners see it. The catalogue topic is compacted and keyed by {@code
 * resourceId}; a withdrawal is a tombstone (a null value).
 */
public record CatalogueRecord(
    int v,
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
    @Nullable String licence,
    @Nullable String image,
    @Nullable Integer readingTimeMinutes,
    List<String> collections,
    String mainText,
    long fingerprint,
    String approvedBy,
    Instant approvedAt,
    Instant updatedAt) {
  public static final int VERSION = 1;

  public CatalogueRecord {
    authors = List.copyOf(authors);
    skills = List.copyOf(skills);
    collections = List.copyOf(collections);
  }
}
