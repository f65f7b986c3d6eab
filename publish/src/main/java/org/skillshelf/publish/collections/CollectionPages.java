package org.skillshelf.publish.collections;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.Collection;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;

/**
 * The public collection pages: {@code /collections} (every published collection and learning path)
 * and {@code /collections/{id}} (its steps in order, each linking to the resource's page, with the
 * level, the estimated time and the guest curator). A step whose resource has been withdrawn since
 * is left out.
 */
public final class CollectionPages implements WebModule {
  private final CollectionShelf shelf;
  private final CatalogueIndex index;

  public CollectionPages(CollectionShelf shelf, CatalogueIndex index) {
    this.shelf = shelf;
    this.index = index;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/collections", this::list);
    config.routes.get("/collections/{id}", this::show);
  }

  private void list(Context ctx) {
    List<Collection> published = shelf.published();
    StringBuilder html = new StringBuilder("<h1>Collections and learning paths</h1>");
    if (published.isEmpty()) {
      html.append("<p>No collections have been published yet.</p>");
    } else {
      html.append(summaries(published));
    }
    Page.render(ctx, "Collections", html.toString());
  }

  /** A list of collections with their kind, size and description, for this page and the home page. */
  public static String summaries(List<Collection> collections) {
    StringBuilder html = new StringBuilder("<ul class=\"results collections\">");
    for (Collection c : collections) {
      html.append("<li><h3><a href=\"/collections/").append(Html.text(Html.param(c.id()))).append("\">").append(Html.text(c.title()))
          .append("</a></h3> <span class=\"hint\">").append(facts(c)).append("</span>");
      if (c.description() != null) {
        html.append("<p>").append(Html.text(c.description())).append("</p>");
      }
      html.append("</li>");
    }
    return html.append("</ul>").toString();
  }

  private void show(Context ctx) {
    Optional<Collection> found = shelf.published(ctx.pathParam("id"));
    if (found.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      Page.render(ctx, "Not found", "<h1>No such collection</h1><p>This collection is not (or no longer) published. "
          + "<a href=\"/collections\">All collections</a>.</p>");
      return;
    }
    Collection c = found.get();
    String feed = "/feed.xml?collection=" + Html.param(c.id());
    StringBuilder html = new StringBuilder("<article><h1>").append(Html.text(c.title())).append("</h1>")
        .append("<p class=\"hint\">").append(facts(c)).append(" · <a href=\"").append(Html.text(feed)).append("\">Atom feed</a></p>");
    if (c.description() != null) {
      html.append("<p>").append(Html.text(c.description())).append("</p>");
    }
    if (c.guestCurator() != null) {
      html.append("<aside class=\"guest\" aria-label=\"Guest curator\"><h2>Chosen by ").append(Html.text(c.guestCurator())).append("</h2>");
      if (c.guestCuratorBio() != null) {
        html.append("<p>").append(Html.text(c.guestCuratorBio())).append("</p>");
      }
      html.append("</aside>");
    }
    html.append(c.kind() == Collection.Kind.LEARNING_PATH ? "<h2>Steps</h2><ol class=\"steps\">" : "<h2>Resources</h2><ul class=\"steps\">");
    for (Collection.Step step : c.steps()) {
      Optional<CatalogueRecord> record = index.get(step.resourceId());
      if (record.isEmpty()) {
        continue;
      }
      html.append("<li><a href=\"/resources/").append(Html.text(Html.param(step.resourceId()))).append("\">")
          .append(Html.text(record.get().title())).append("</a>");
      if (step.note() != null) {
        html.append("<p>").append(Html.text(step.note())).append("</p>");
      }
      html.append("</li>");
    }
    html.append(c.kind() == Collection.Kind.LEARNING_PATH ? "</ol>" : "</ul>").append("</article>");
    String head = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + Html.text(c.title()) + "\" href=\""
        + Html.text(feed) + "\">";
    Page.render(ctx, c.title(), html.toString(), head, null);
  }

  /** "Learning path · 3 steps · beginner · about 90 minutes", all escaped. */
  static String facts(Collection c) {
    StringBuilder facts = new StringBuilder(c.kind() == Collection.Kind.LEARNING_PATH ? "Learning path" : "Collection")
        .append(" · ").append(c.steps().size()).append(c.kind() == Collection.Kind.LEARNING_PATH ? " steps" : " resources");
    if (c.level() != null) {
      facts.append(" · Level: ").append(Html.text(c.level()));
    }
    if (c.estimatedMinutes() != null) {
      facts.append(" · about ").append(c.estimatedMinutes()).append(" minutes");
    }
    return facts.toString();
  }
}
