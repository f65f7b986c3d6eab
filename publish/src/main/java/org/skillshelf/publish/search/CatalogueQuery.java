package org.skillshelf.publish.search;

import org.jspecify.annotations.Nullable;

/**
 * A search of the catalogue: free text plus facet filters, a page of results.
 *
 * @param area a DigComp area number ("1" to "5")
 * @param includeBroken whether records whose link is BROKEN are shown (hidden by default)
 */
public record CatalogueQuery(
    @Nullable String text,
    @Nullable String skill,
    @Nullable String area,
    @Nullable String type,
    @Nullable String language,
    @Nullable String level,
    @Nullable String linkState,
    boolean includeBroken,
    Sort sort,
    int page,
    int size) {

  public static final int MAX_SIZE = 100;
  /** Deep pages cost memory for every page before them; nobody reads page 500 of a search. */
  public static final int MAX_PAGE = 500;

  public CatalogueQuery {
    page = Math.clamp(page, 1, MAX_PAGE);
    size = Math.clamp(size, 1, MAX_SIZE);
  }

  public static CatalogueQuery text(@Nullable String text) {
    return new CatalogueQuery(text, null, null, null, null, null, null, false, Sort.RELEVANCE, 1, 20);
  }

  public CatalogueQuery withSkill(@Nullable String value) {
    return new CatalogueQuery(text, value, area, type, language, level, linkState, includeBroken, sort, page, size);
  }

  public CatalogueQuery withPage(int value, int pageSize) {
    return new CatalogueQuery(text, skill, area, type, language, level, linkState, includeBroken, sort, value, pageSize);
  }

  public CatalogueQuery withSort(Sort value) {
    return new CatalogueQuery(text, skill, area, type, language, level, linkState, includeBroken, value, page, size);
  }

  public CatalogueQuery withBroken(boolean value) {
    return new CatalogueQuery(text, skill, area, type, language, level, linkState, value, sort, page, size);
  }

  boolean hasText() {
    return text != null && !text.isBlank();
  }

  /** Result order. */
  public enum Sort {
    RELEVANCE,
    NEWEST
  }
}
