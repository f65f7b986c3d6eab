package org.skillshelf.publish.site;

import java.util.List;
import java.util.Map;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.Collection;
import org.skillshelf.publish.collections.CollectionPages;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.search.CatalogueQuery;
import org.skillshelf.publish.search.SearchResult;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.html.Html;

/**
 * The front page: a search box, featured collections, browsing by DigComp area and skill, and the
 * newest additions.
 */
public final class HomePage {
  private static final int NEWEST = 10;
  private static final int FEATURED = 3;

  private final CatalogueIndex index;
  private final Taxonomy taxonomy;

  public HomePage(CatalogueIndex index, Taxonomy taxonomy) {
    this.index = index;
    this.taxonomy = taxonomy;
  }

  public PageContent build() {
    return build(List.of());
  }

  /** @param published the published collections, newest first; the first few are featured */
  public PageContent build(List<Collection> published) {
    SearchResult all = index.search(CatalogueQuery.text(null).withPage(1, 1));
    StringBuilder body = new StringBuilder()
        .append("<h1>Free learning resources for library and information staff</h1>")
        .append(Fragments.searchForm("q-home", ""))
        .append("<p class=\"hint\">").append(all.total()).append(" resources, mapped to DigComp 2.2.</p>");
    if (!published.isEmpty()) {
      body.append("<h2>Featured collections</h2>")
          .append(CollectionPages.summaries(published.stream().limit(FEATURED).toList()))
          .append("<p><a href=\"/collections\">All collections and learning paths</a></p>");
    }
    body.append("<h2>Browse by DigComp area</h2>");
    Map<String, Integer> areas = all.facets().getOrDefault("area", Map.of());
    Map<String, Integer> skills = all.facets().getOrDefault("skill", Map.of());
    for (String area : DigCompFramework.AREAS) {
      body.append("<section aria-labelledby=\"area-").append(area).append("\">")
          .append("<h3 id=\"area-").append(area).append("\"><a href=\"/search?area=").append(area).append("\">")
          .append(Html.text(DigCompFramework.label(area))).append("</a> <span class=\"hint\">(")
          .append(areas.getOrDefault(area, 0)).append(")</span></h3>")
          .append(skillList(area, skills)).append("</section>");
    }
    body.append("<h2>Newest additions</h2>").append(newest(index.newest(NEWEST)));
    return new PageContent("Catalogue", "", body.toString(), PageContent.SEARCH_SCRIPT);
  }

  /** Skills listed under the area of their first DigComp competence, with how many resources teach each. */
  private String skillList(String area, Map<String, Integer> counts) {
    List<Skill> skills = taxonomy.skills().stream()
        .filter(s -> !s.digcomp().isEmpty() && s.digcomp().getFirst().startsWith(area + "."))
        .filter(s -> counts.containsKey(s.id()))
        .toList();
    if (skills.isEmpty()) {
      return "<p class=\"hint\">No resources in this area yet.</p>";
    }
    StringBuilder list = new StringBuilder("<ul class=\"skills\">");
    for (Skill s : skills) {
      list.append("<li><a href=\"/search?skill=").append(Html.text(Html.param(s.id()))).append("\">")
          .append(Html.text(s.label())).append("</a> (").append(counts.get(s.id())).append(")</li>");
    }
    return list.append("</ul>").toString();
  }

  private static String newest(List<CatalogueRecord> records) {
    if (records.isEmpty()) {
      return "<p>Nothing has been published yet.</p>";
    }
    StringBuilder list = new StringBuilder("<ul class=\"results\">");
    for (CatalogueRecord r : records) {
      list.append("<li><a href=\"/resources/").append(Html.text(Html.param(r.resourceId()))).append("\">")
          .append(Html.text(r.title())).append("</a>");
      if (r.description() != null) {
        list.append("<p>").append(Html.text(r.description())).append("</p>");
      }
      list.append("</li>");
    }
    return list.append("</ul>").toString();
  }
}
