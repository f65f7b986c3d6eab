package org.skillshelf.publish.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;

/**
 * The skills this catalogue organises by, as a page: each top-level skill (a DigComp area in the
 * built-in taxonomy) with the skills under it, their descriptions, synonyms and DigComp
 * competences, each linking to a search of the resources that teach it.
 */
public final class TaxonomyPage {
  private TaxonomyPage() {}

  public static void render(Context ctx, Taxonomy taxonomy) {
    Map<String, List<Skill>> children = new LinkedHashMap<>();
    List<Skill> roots = new ArrayList<>();
    for (Skill skill : taxonomy.skills()) {
      if (skill.parent() == null) {
        roots.add(skill);
      } else {
        children.computeIfAbsent(skill.parent(), p -> new ArrayList<>()).add(skill);
      }
    }
    StringBuilder html = new StringBuilder("<h1>Skills</h1><p>")
        .append(Html.text(taxonomy.name())).append(": ").append(taxonomy.skills().size())
        .append(" skills, mapped to the competences of DigComp 2.2. The same list is available as JSON at ")
        .append("<a href=\"/api/taxonomy\">/api/taxonomy</a>.</p>");
    for (Skill root : roots) {
      html.append("<section><h2 id=\"").append(Html.text(root.id())).append("\">").append(Html.text(root.label())).append("</h2>");
      describe(html, root);
      tree(html, root.id(), children);
      html.append("</section>");
    }
    Page.render(ctx, "Skills", html.toString());
  }

  private static void tree(StringBuilder html, String parent, Map<String, List<Skill>> children) {
    List<Skill> under = children.getOrDefault(parent, List.of());
    if (under.isEmpty()) {
      return;
    }
    html.append("<ul>");
    for (Skill skill : under) {
      html.append("<li><a href=\"/search?skill=").append(Html.param(skill.id())).append("\">").append(Html.text(skill.label()))
          .append("</a>");
      describe(html, skill);
      tree(html, skill.id(), children);
      html.append("</li>");
    }
    html.append("</ul>");
  }

  private static void describe(StringBuilder html, Skill skill) {
    html.append("<p>").append(Html.text(skill.description()));
    if (!skill.digcomp().isEmpty()) {
      html.append(" <span class=\"hint\">DigComp: ")
          .append(Html.text(String.join("; ", skill.digcomp().stream().map(DigCompFramework::label).toList()))).append("</span>");
    }
    if (!skill.synonyms().isEmpty()) {
      html.append(" <span class=\"hint\">Also: ").append(Html.text(String.join(", ", skill.synonyms()))).append("</span>");
    }
    html.append("</p>");
  }
}
