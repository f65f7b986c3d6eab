package org.skillshelf.publish.search;

import org.jspecify.annotations.Nullable;

/**
 * A search of the catalogue: free text plus facet filters, a page of results.
 *
 * @param includeBroken whether records whose link is BROKEN are shown (hidden by default)
 */
public record CatalogueQuery(
    @Nullable String text,
    @Nullable String skill,
    @Nullable String type,
    @Nullable String language,
    @Nullable String linkState,
    boolean includeBroken,
    Sort sort,
    int page,
    int size) {

  public static final int MAX_SIZE = 100;

  public CatalogueQuery {
    page = Math.max(1, page);
    size = Math.clamp(size, 1, MAX_SIZE);
  }

  public static CatalogueQuery text(String text) {
    return new CatalogueQuery(text, null, null, null, null, false, Sort.RELEVANCE, 1, 20);
  }

  /** Result order. */
  public enum Sort {
    RELEVANCE,
    NEWEST
  }
}
