package org.skillshelf.publish.site;

import io.javalin.http.Context;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.skillshelf.publish.search.CatalogueQuery;
import org.skillshelf.web.ApiException;

/**
 * Reads a catalogue search from a request's query string, the same way for the JSON API and the
 * pages: {@code q, skill, area, type, language, level, linkState, includeBroken, sort, page, size}.
 */
public final class SearchParameters {
  private SearchParameters() {}

  public static CatalogueQuery from(Context ctx, int defaultSize) {
    String sort = ctx.queryParam("sort");
    return new CatalogueQuery(param(ctx, "q"), param(ctx, "skill"), param(ctx, "area"), param(ctx, "type"),
        param(ctx, "language"), param(ctx, "level"), param(ctx, "linkState"),
        "true".equals(ctx.queryParam("includeBroken")),
        sort != null && sort.toLowerCase(Locale.ROOT).equals("newest") ? CatalogueQuery.Sort.NEWEST : CatalogueQuery.Sort.RELEVANCE,
        number(ctx, "page", 1), number(ctx, "size", defaultSize));
  }

  /** A non-blank parameter, at most 500 characters, or null. */
  public static @Nullable String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 500) {
      throw ApiException.badRequest("TOO_LONG", "The parameter '" + name + "' is longer than 500 characters.");
    }
    return value.strip();
  }

  public static int number(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("BAD_PARAMETER", "The parameter '" + name + "' must be a whole number.");
    }
  }
}
