package org.skillshelf.publish.site;

import java.util.Locale;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.html.Html;

/** Small pieces of markup several pages share. Every value they show is escaped here. */
final class Fragments {
  private Fragments() {}

  /** The link's health as a badge whose words, not only its colour, say the state. */
  static String badge(String linkState) {
    String words = switch (linkState) {
      case "HEALTHY" -> "Link works";
      case "DEGRADED" -> "Link unreliable";
      case "BROKEN" -> "Link broken";
      default -> "Link not checked yet";
    };
    return "<span class=\"badge " + Html.text(linkState) + "\">" + words + "</span>";
  }

  static String skillLabel(Taxonomy taxonomy, String id) {
    return taxonomy.skill(id).map(s -> s.label()).orElse(id);
  }

  /** The search box; {@code id} keeps labels unique when a page has two. */
  static String searchForm(String id, String query) {
    return "<form class=\"search\" role=\"search\" action=\"/search\" method=\"get\">"
        + "<label for=\"" + id + "\">Search the catalogue</label>"
        + "<input type=\"search\" id=\"" + id + "\" name=\"q\" value=\"" + Html.text(query) + "\" autocomplete=\"off\">"
        + "<button type=\"submit\">Search</button></form>";
  }

  static String capitalised(String value) {
    return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
  }
}
