package org.skillshelf.publish.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.skillshelf.publish.search.CatalogueQuery;
import org.skillshelf.web.html.Html;

/** Links to other searches: the same query with one filter, page or order changed. */
final class SearchLinks {
  private final Map<String, String> params = new LinkedHashMap<>();

  SearchLinks(CatalogueQuery q) {
    put("q", q.text());
    put("skill", q.skill());
    put("area", q.area());
    put("type", q.type());
    put("language", q.language());
    put("level", q.level());
    put("linkState", q.linkState());
    put("includeBroken", q.includeBroken() ? "true" : null);
    put("sort", q.sort() == CatalogueQuery.Sort.NEWEST ? "newest" : null);
    put("size", q.size() == SiteRoutes.PAGE_SIZE ? null : String.valueOf(q.size()));
    put("page", q.page() == 1 ? null : String.valueOf(q.page()));
  }

  private SearchLinks(Map<String, String> params) {
    this.params.putAll(params);
  }

  private void put(String name, @Nullable String value) {
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
  }

  /** The same search with a parameter set (or removed, for null) and back on page one. */
  SearchLinks with(String name, @Nullable String value) {
    SearchLinks copy = new SearchLinks(params);
    copy.put(name, value);
    copy.params.remove("page");
    return copy;
  }

  SearchLinks page(int page) {
    SearchLinks copy = new SearchLinks(params);
    copy.put("page", page == 1 ? null : String.valueOf(page));
    return copy;
  }

  /** The link, escaped for an attribute. */
  String href() {
    String query = params.entrySet().stream().map(e -> e.getKey() + "=" + Html.param(e.getValue()))
        .collect(Collectors.joining("&"));
    return Html.text(query.isEmpty() ? "/search" : "/search?" + query);
  }
}
