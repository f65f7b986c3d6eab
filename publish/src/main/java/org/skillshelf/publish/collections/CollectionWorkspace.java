package org.skillshelf.publish.collections;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.Collection;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;

/**
 * The curators' collection pages: {@code /curate/collections} (every collection with publish,
 * unpublish and delete buttons), {@code /curate/collections/new} and {@code /curate/collections/{id}}
 * (the form, whose step buttons move or remove a step and save). A refused form comes back with the
 * reason and everything the curator typed.
 */
public final class CollectionWorkspace implements WebModule {
  private static final String BASE = "/curate/collections";
  private static final Map<String, String> NOTICES = Map.of(
      "saved", "Saved.", "published", "Published: it is on the public site now.",
      "unpublished", "Unpublished: it is no longer on the public site.", "deleted", "Deleted.");

  private final CollectionDesk desk;
  private final CuratorAccounts curators;
  private final Function<String, Optional<String>> titles;

  /** @param titles the catalogue title of a resource id, when it is published */
  public CollectionWorkspace(CollectionDesk desk, CuratorAccounts curators, Function<String, Optional<String>> titles) {
    this.desk = desk;
    this.curators = curators;
    this.titles = titles;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get(BASE, this::list);
    config.routes.get(BASE + "/new", ctx -> {
      curators.requireCuratorPage(ctx);
      form(ctx, BASE, "New collection", new CollectionDraft(null, null, null, null, null, null, null, null), null);
    });
    config.routes.post(BASE, ctx -> save(ctx, null));
    config.routes.get(BASE + "/{id}", ctx -> {
      curators.requireCuratorPage(ctx);
      Collection c = desk.existing(ctx.pathParam("id"));
      form(ctx, action(c.id()), "Edit: " + c.title(), CollectionForm.draftOf(c), null);
    });
    config.routes.post(BASE + "/{id}", ctx -> save(ctx, ctx.pathParam("id")));
    config.routes.post(BASE + "/{id}/publish", ctx -> change(ctx, "published"));
    config.routes.post(BASE + "/{id}/unpublish", ctx -> change(ctx, "unpublished"));
    config.routes.post(BASE + "/{id}/delete", ctx -> change(ctx, "deleted"));
  }

  private void list(Context ctx) {
    curators.requireCuratorPage(ctx);
    ctx.header("Cache-Control", "no-store");
    StringBuilder html = new StringBuilder("<h1>Collections and learning paths</h1>");
    notice(ctx, html);
    html.append("<p><a class=\"button\" href=\"").append(BASE).append("/new\">New collection</a> <a href=\"/coverage\">Coverage</a></p>");
    if (desk.shelf().all().isEmpty()) {
      Page.render(ctx, "Collections", html.append("<p>No collections yet.</p>").toString());
      return;
    }
    html.append("<table><caption>All collections</caption><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Kind</th>")
        .append("<th scope=\"col\">Steps</th><th scope=\"col\">State</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
    for (Collection c : desk.shelf().all()) {
      html.append("<tr><td><a href=\"").append(action(c.id())).append("\">").append(Html.text(c.title())).append("</a></td><td>")
          .append(c.kind() == Collection.Kind.LEARNING_PATH ? "Learning path" : "Collection").append("</td><td>")
          .append(c.steps().size()).append("</td><td>").append(c.published() ? "Published" : "Draft").append("</td><td>")
          .append(button(ctx, c, c.published() ? "unpublish" : "publish", c.published() ? "Unpublish" : "Publish"))
          .append(button(ctx, c, "delete", "Delete")).append("</td></tr>");
    }
    Page.render(ctx, "Collections", html.append("</tbody></table>").toString());
  }

  private static String button(Context ctx, Collection c, String verb, String label) {
    return "<form method=\"post\" class=\"inline\" action=\"" + action(c.id()) + "/" + verb + "\">" + Csrf.field(ctx)
        + "<button type=\"submit\" aria-label=\"" + label + " " + Html.text(c.title()) + "\">" + label + "</button></form> ";
  }

  private void save(Context ctx, @Nullable String id) {
    Csrf.verify(ctx);
    String curator = curators.requireCuratorPage(ctx);
    CollectionDraft draft = CollectionForm.read(ctx);
    Collection saved;
    try {
      saved = id == null ? desk.create(curator, draft) : desk.replace(curator, id, draft);
    } catch (ApiException e) {
      if (e.status() != 400) {
        throw e;
      }
      ctx.status(HttpStatus.BAD_REQUEST);
      form(ctx, id == null ? BASE : action(id), id == null ? "New collection" : "Edit collection", draft, e.getMessage());
      return;
    }
    ctx.redirect(action(saved.id()) + "?done=saved", HttpStatus.SEE_OTHER);
  }

  private void change(Context ctx, String done) {
    Csrf.verify(ctx);
    String curator = curators.requireCuratorPage(ctx);
    String id = ctx.pathParam("id");
    try {
      switch (done) {
        case "published" -> desk.publish(curator, id);
        case "unpublished" -> desk.unpublish(curator, id);
        default -> desk.delete(id);
      }
    } catch (ApiException e) {
      if (e.status() != 400) {
        throw e;
      }
      ctx.status(HttpStatus.BAD_REQUEST);
      Page.render(ctx, "Collections", "<h1>Not changed</h1><p class=\"problem\" role=\"alert\">" + Html.text(e.getMessage())
          + "</p><p><a href=\"" + action(id) + "\">Back to the collection</a></p>");
      return;
    }
    ctx.redirect(BASE + "?done=" + done, HttpStatus.SEE_OTHER);
  }

  private void form(Context ctx, String action, String title, CollectionDraft draft, @Nullable String problem) {
    ctx.header("Cache-Control", "no-store");
    StringBuilder html = new StringBuilder("<h1>").append(Html.text(title)).append("</h1>");
    notice(ctx, html);
    if (problem != null) {
      html.append("<p class=\"problem\" role=\"alert\">").append(Html.text(problem)).append("</p>");
    }
    html.append(CollectionForm.render(ctx, action, draft, titles))
        .append("<p><a href=\"").append(BASE).append("\">All collections</a></p>");
    Page.render(ctx, title, html.toString());
  }

  private static void notice(Context ctx, StringBuilder html) {
    String done = ctx.queryParam("done");
    String notice = done == null ? null : NOTICES.get(done);
    if (notice != null) {
      html.append("<p class=\"notice\" role=\"status\">").append(notice).append("</p>");
    }
  }

  private static String action(String id) {
    return BASE + "/" + Html.text(Html.param(id));
  }
}
