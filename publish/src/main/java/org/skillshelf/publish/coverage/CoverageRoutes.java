package org.skillshelf.publish.coverage;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;

/**
 * {@code /coverage} (a page for curators: the coverage tables with gaps and thin spots marked in
 * words as well as colour) and {@code GET /api/coverage} (the same figures as JSON).
 */
public final class CoverageRoutes implements WebModule {
  private final Supplier<Coverage> coverage;
  private final CuratorAccounts curators;

  /** @param coverage computes the figures afresh from the current catalogue */
  public CoverageRoutes(Supplier<Coverage> coverage, CuratorAccounts curators) {
    this.coverage = coverage;
    this.curators = curators;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/coverage", ctx -> {
      curators.requireCurator(ctx);
      ctx.json(coverage.get());
    });
    config.routes.get("/coverage", this::page);
  }

  private void page(Context ctx) {
    curators.requireCuratorPage(ctx);
    Coverage c = coverage.get();
    StringBuilder html = new StringBuilder("<h1>Coverage</h1><p>")
        .append(c.resources()).append(" published resources. Rows marked <strong>gap</strong> have none; rows marked ")
        .append("<strong>thin</strong> have fewer than ").append(c.low()).append(". That is where curating helps most.</p>")
        .append(table("DigComp competences", c, c.competences(), Function.identity()))
        .append(table("Library skills", c, c.skills(), id -> "<a href=\"/search?skill=" + Html.text(Html.param(id)) + "\">"))
        .append("<p><a href=\"/api/coverage\">These figures as JSON</a></p>");
    ctx.header("Cache-Control", "no-store");
    Page.render(ctx, "Coverage", html.toString());
  }

  private static String table(String caption, Coverage c, List<Coverage.Row> rows, Function<String, String> linkOpen) {
    StringBuilder html = new StringBuilder("<table class=\"coverage\"><caption>").append(caption)
        .append("</caption><thead><tr><th scope=\"col\">").append(caption.startsWith("DigComp") ? "Competence" : "Skill")
        .append("</th><th scope=\"col\">Resources</th>");
    c.types().forEach(t -> html.append("<th scope=\"col\">Type: ").append(Html.text(t)).append("</th>"));
    c.levels().forEach(l -> html.append("<th scope=\"col\">Level: ").append(Html.text(l)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (Coverage.Row row : rows) {
      boolean link = !linkOpen.apply(row.id()).equals(row.id());
      html.append("<tr class=\"").append(row.state().toLowerCase(java.util.Locale.ROOT)).append("\"><th scope=\"row\">")
          .append(link ? linkOpen.apply(row.id()) : "").append(Html.text(row.label())).append(link ? "</a>" : "").append("</th><td>")
          .append(row.total()).append(switch (row.state()) {
            case "GAP" -> " <strong class=\"tag gap\">gap</strong>";
            case "THIN" -> " <strong class=\"tag thin\">thin</strong>";
            default -> "";
          }).append("</td>");
      c.types().forEach(t -> html.append("<td>").append(row.byType().getOrDefault(t, 0)).append("</td>"));
      c.levels().forEach(l -> html.append("<td>").append(row.byLevel().getOrDefault(l, 0)).append("</td>"));
      html.append("</tr>");
    }
    return html.append("</tbody></table>").toString();
  }
}
