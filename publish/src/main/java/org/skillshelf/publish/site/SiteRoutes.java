package org.skillshelf.publish.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.UUID;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.Topics;
import org.skillshelf.publish.collections.CollectionShelf;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Page;

/**
 * The public pages: {@code /}, {@code /search}, {@code /resources/{id}} and the broken-link report
 * form, which becomes a {@link BrokenLinkReport} on {@link Topics#LINK_REPORTS} for curators.
 */
public final class SiteRoutes implements WebModule {
  static final int PAGE_SIZE = 20;
  private static final int MAX_NOTE = 1_000;

  private final CatalogueIndex index;
  private final Taxonomy taxonomy;
  private final EventPublisher publisher;
  private final Clock clock;
  private final CollectionShelf collections;

  public SiteRoutes(CatalogueIndex index, Taxonomy taxonomy, EventPublisher publisher, Clock clock, CollectionShelf collections) {
    this.collections = collections;
    this.index = index;
    this.taxonomy = taxonomy;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/", ctx -> new HomePage(index, taxonomy).build(collections.published()).render(ctx));
    config.routes.get("/search", ctx -> {
      var query = SearchParameters.from(ctx, PAGE_SIZE);
      new SearchPage(taxonomy).build(query, index.search(query)).render(ctx);
    });
    config.routes.get("/resources/{resourceId}", this::record);
    config.routes.post("/resources/{resourceId}/report", this::report);
  }

  private void record(Context ctx) {
    String id = ctx.pathParam("resourceId");
    var record = index.get(id);
    if (record.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      Page.render(ctx, "Not found", "<h1>Not in the catalogue</h1><p>This resource is not (or no longer) published. "
          + "<a href=\"/search\">Search the catalogue</a>.</p>");
      return;
    }
    new RecordPage(taxonomy).build(record.get(), index.linkState(id).name(), index.moreLikeThis(id, 5), baseUrl(ctx),
        Csrf.field(ctx), "1".equals(ctx.queryParam("reported"))).render(ctx);
  }

  private void report(Context ctx) {
    Csrf.verify(ctx);
    String id = ctx.pathParam("resourceId");
    CatalogueRecord record = index.get(id).orElseThrow(() -> ApiException.notFound("The published record " + id));
    String note = ctx.formParam("note");
    if (note != null && note.length() > MAX_NOTE) {
      throw ApiException.badRequest("TOO_LONG", "Please describe the problem in at most 1,000 characters.");
    }
    publisher.send(Topics.LINK_REPORTS, id, new BrokenLinkReport(BrokenLinkReport.VERSION, UUID.randomUUID().toString(),
        id, record.url(), note == null || note.isBlank() ? null : note.strip(), clock.instant()));
    ctx.redirect("/resources/" + org.skillshelf.web.html.Html.param(id) + "?reported=1", HttpStatus.SEE_OTHER);
  }

  /** The origin the browser used, for absolute links in JSON-LD and OpenGraph. */
  static String baseUrl(Context ctx) {
    String host = ctx.host();
    return (Csrf.isSecure(ctx) ? "https" : "http") + "://" + (host == null || host.isBlank() ? "localhost" : host);
  }
}
