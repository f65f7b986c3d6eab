package org.skillshelf.publish.site;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.skillshelf.publish.search.CatalogueHit;
import org.skillshelf.publish.search.CatalogueQuery;
import org.skillshelf.publish.search.SearchResult;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.html.Html;

/**
 * Search results: the search box, filters with counts (each a plain link, so they work without
 * JavaScript), the hits with highlighted snippets and link-health badges, and page links.
 */
public final class SearchPage {
  private static final Map<String, String> FACET_NAMES = Map.of("area", "DigComp area", "skill", "Skill",
      "type", "Type", "language", "Language", "level", "Level", "linkState", "Link health");
  private static final String[] FACET_ORDER = {"area", "skill", "type", "language", "level", "linkState"};

  private final Taxonomy taxonomy;

  public SearchPage(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  public PageContent build(CatalogueQuery query, SearchResult result) {
    SearchLinks links = new SearchLinks(query);
    StringBuilder body = new StringBuilder("<h1>Search</h1>")
        .append(Fragments.searchForm("q-search", query.text() == null ? "" : query.text()))
        .append("<p role=\"status\">").append(summary(query, result)).append("</p>")
        .append(order(query, links))
        .append("<div class=\"layout\"><nav aria-labelledby=\"filters\"><h2 id=\"filters\">Filter</h2>")
        .append(facets(query, result, links)).append("</nav><section aria-labelledby=\"results\">")
        .append("<h2 id=\"results\">Results</h2>").append(hits(result)).append(pages(query, result, links))
        .append("</section></div>");
    String title = query.text() == null ? "Search" : "Search: " + query.text();
    return new PageContent(title, "", body.toString(), PageContent.SEARCH_SCRIPT);
  }

  private static String summary(CatalogueQuery query, SearchResult result) {
    String found = result.total() + (result.total() == 1 ? " resource" : " resources");
    if (result.approximate()) {
      return "Nothing matched exactly; " + found + " match words close to “" + Html.text(query.text()) + "”.";
    }
    return query.text() == null ? found + "." : found + " for “" + Html.text(query.text()) + "”.";
  }

  private static String order(CatalogueQuery query, SearchLinks links) {
    boolean newest = query.sort() == CatalogueQuery.Sort.NEWEST;
    return "<p>Order: " + (newest ? "<a href=\"" + links.with("sort", null).href() + "\">best match</a> · newest first"
        : "best match · <a href=\"" + links.with("sort", "newest").href() + "\">newest first</a>") + "</p>";
  }

  private String facets(CatalogueQuery query, SearchResult result, SearchLinks links) {
    StringBuilder out = new StringBuilder();
    for (String dim : FACET_ORDER) {
      Map<String, Integer> counts = result.facets().getOrDefault(dim, Map.of());
      String selected = selected(query, dim);
      if (counts.isEmpty() && selected == null) {
        continue;
      }
      out.append("<h3>").append(FACET_NAMES.get(dim)).append("</h3><ul class=\"facet\">");
      if (selected != null) {
        out.append("<li><a href=\"").append(links.with(dim, null).href()).append("\">Any ")
            .append(Html.text(FACET_NAMES.get(dim).toLowerCase(java.util.Locale.ROOT))).append("</a></li>");
      }
      counts.forEach((value, count) -> {
        String label = Html.text(label(dim, value));
        out.append("<li>").append(value.equals(selected) ? "<strong aria-current=\"true\">" + label + "</strong>"
                : "<a href=\"" + links.with(dim, value).href() + "\">" + label + "</a>")
            .append(" (").append(count).append(")</li>");
      });
      out.append("</ul>");
    }
    if (!query.includeBroken()) {
      out.append("<p><a href=\"").append(links.with("includeBroken", "true").href())
          .append("\">Include resources whose link is broken</a></p>");
    }
    return out.toString();
  }

  private static @Nullable String selected(CatalogueQuery query, String dim) {
    return switch (dim) {
      case "area" -> query.area();
      case "skill" -> query.skill();
      case "type" -> query.type();
      case "language" -> query.language();
      case "level" -> query.level();
      default -> query.linkState();
    };
  }

  private String label(String dim, String value) {
    return switch (dim) {
      case "area" -> DigCompFramework.label(value);
      case "skill" -> Fragments.skillLabel(taxonomy, value);
      default -> Fragments.capitalised(value);
    };
  }

  private String hits(SearchResult result) {
    if (result.items().isEmpty()) {
      return "<p>No resources match. Try fewer words or remove a filter.</p>";
    }
    StringBuilder out = new StringBuilder("<ul class=\"results\">");
    for (CatalogueHit hit : result.items()) {
      out.append("<li><h3><a href=\"/resources/").append(Html.text(Html.param(hit.resourceId()))).append("\">")
          .append(Html.text(hit.title())).append("</a></h3> ").append(Fragments.badge(hit.linkState()));
      if (hit.snippetHtml() != null) {
        // snippetHtml is built from escaped text and <mark> tags only (see the search package).
        out.append("<p>").append(hit.snippetHtml()).append("</p>");
      }
      out.append("<p class=\"hint\">").append(Html.text(details(hit))).append("</p></li>");
    }
    return out.append("</ul>").toString();
  }

  private String details(CatalogueHit hit) {
    StringBuilder out = new StringBuilder();
    if (hit.type() != null) {
      out.append(Fragments.capitalised(hit.type()));
    }
    if (hit.language() != null) {
      out.append(out.isEmpty() ? "" : " · ").append(hit.language());
    }
    for (String skill : hit.skills()) {
      out.append(out.isEmpty() ? "" : " · ").append(Fragments.skillLabel(taxonomy, skill));
    }
    return out.toString();
  }

  private static String pages(CatalogueQuery query, SearchResult result, SearchLinks links) {
    long last = Math.min(CatalogueQuery.MAX_PAGE, (result.total() + query.size() - 1) / query.size());
    if (last <= 1) {
      return "";
    }
    StringBuilder out = new StringBuilder("<nav aria-label=\"Result pages\"><ul class=\"pages\">");
    if (query.page() > 1) {
      out.append("<li><a rel=\"prev\" href=\"").append(links.page(query.page() - 1).href()).append("\">Previous</a></li>");
    }
    for (long p = Math.max(1, query.page() - 3); p <= Math.min(last, query.page() + 3); p++) {
      out.append(p == query.page() ? "<li><strong aria-current=\"page\">" + p + "</strong></li>"
          : "<li><a href=\"" + links.page((int) p).href() + "\">" + p + "</a></li>");
    }
    if (query.page() < last) {
      out.append("<li><a rel=\"next\" href=\"").append(links.page(query.page() + 1).href()).append("\">Next</a></li>");
    }
    return out.append("</ul></nav>").toString();
  }
}
