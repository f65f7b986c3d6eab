package org.skillshelf.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What enrichment found out about a resource. Every string is plain text: no markup, no control
 * characters, bounded in length. Dates are ISO 8601 strings as the page gave them, normalised.
 *
 * @param language the primary language subtag ({@code en}, {@code de}) the page is written in
 * @param declaredLanguage the language the page claims in its markup, when it claims one
 * @param licence an SPDX identifier such as {@code CC-BY-4.0}
 * @param type one of {@link ResourceType}'s names in lower case
 */
public record ResourceMetadata(
    @Nullable String title,
    @Nullable String description,
    List<String> authors,
    @Nullable String siteName,
    @Nullable String language,
    @Nullable String declaredLanguage,
    @Nullable String publishedAt,
    @Nullable String modifiedAt,
    @Nullable String licence,
    @Nullable String image,
    @Nullable String canonicalUrl,
    @Nullable String type,
    @Nullable Integer readingTimeMinutes,
    @Nullable Boolean freeToAccess) {

  public ResourceMetadata {
    authors = List.copyOf(authors);
  }

  public static ResourceMetadata empty() {
    return new ResourceMetadata(
        null, null, List.of(), null, null, null, null, null, null, null, null, null, null, null);
  }

  public ResourceMetadata withTitle(@Nullable String newTitle) {
    return new ResourceMetadata(newTitle, description, authors, siteName, language,
        declaredLanguage, publishedAt, modifiedAt, licence, image, canonicalUrl, type,
        readingTimeMinutes, freeToAccess);
  }

  /** True when the page declares one language but is written in another. */
  public boolean languageMismatch() {
    return language != null && declaredLanguage != null && !language.equals(declaredLanguage);
  }
}
