package org.skillshelf.publish.harvest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.Collection;
import org.skillshelf.publish.collections.CollectionShelf;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.site.SearchParameters;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Csrf;

/**
 * The open formats: {@code /feed.xml} (Atom, optionally {@code ?skill=} or {@code ?collection=}), {@code /oai} (OAI-PMH,
 * GET or POST), {@code /sitemap.xml}, and {@code /api/catalogue/export.csv} and {@code .json}.
 * Mount before the catalogue API, whose {@code /api/catalogue/{resourceId}} would otherwise take
 * the export paths.
 */
public final class HarvestRoutes implements WebModule {
  private static final int FEED_SIZE = 50;

  private final CatalogueIndex index;
  private final Taxonomy taxonomy;
  private final Clock clock;
  private final OaiPmh oai;
  private final CollectionShelf collections;

  public HarvestRoutes(CatalogueIndex index, Taxonomy taxonomy, Clock clock, String adminEmail) {
    this(index, taxonomy, clock, adminEmail, new CollectionShelf());
  }

  public HarvestRoutes(CatalogueIndex index, Taxonomy taxonomy, Clock clock, String adminEmail, CollectionShelf collections) {
    this.index = index;
    this.taxonomy = taxonomy;
    this.clock = clock;
    this.collections = collections;
    this.oai = new OaiPmh(index, taxonomy, clock, adminEmail, 50, collections);
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/feed.xml", this::feed);
    config.routes.get("/oai", ctx -> oai(ctx, ctx.queryParamMap()));
    // OAI-PMH allows POST (form-encoded) for harvesters with long requests; it changes nothing.
    config.routes.post("/oai", ctx -> oai(ctx, ctx.formParamMap()));
    config.routes.get("/sitemap.xml", ctx -> ctx.contentType("application/xml; charset=utf-8")
        .result(Sitemap.build(index.newest(Sitemap.MAX_URLS - 1), base(ctx))));
    config.routes.get("/api/catalogue/export.csv", ctx -> {
      ctx.header("Content-Disposition", "attachment; filename=\"skillshelf-catalogue.csv\"");
      ctx.contentType("text/csv; charset=utf-8").result(CsvExport.build(rows()));
    });
    config.routes.get("/api/catalogue/export.json", ctx -> ctx.json(Map.of("total", index.size(), "items", rows())));
  }

  private void feed(Context ctx) {
    String collection = SearchParameters.param(ctx, "collection");
    if (collection != null) {
      collectionFeed(ctx, collection);
      return;
    }
    String skill = SearchParameters.param(ctx, "skill");
    List<CatalogueRecord> records;
    String title = "Skillshelf: new resources";
    String self = base(ctx) + "/feed.xml";
    if (skill == null) {
      records = index.newest(FEED_SIZE);
    } else {
      String label = taxonomy.skill(skill).map(s -> s.label())
          .orElseThrow(() -> ApiException.notFound("The skill " + skill));
      records = index.newestTeaching(skill, FEED_SIZE);
      title = "Skillshelf: new resources on " + label;
      self = self + "?skill=" + org.skillshelf.web.html.Html.param(skill);
    }
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(new AtomFeed(taxonomy).build(records, title, base(ctx), self, clock.instant()));
  }

  /** A collection's resources in the collection's order, so a reader follows a path step by step. */
  private void collectionFeed(Context ctx, String id) {
    Collection c = collections.published(id).orElseThrow(() -> ApiException.notFound("The published collection " + id));
    List<CatalogueRecord> records = c.steps().stream().flatMap(s -> index.get(s.resourceId()).stream()).toList();
    String self = base(ctx) + "/feed.xml?collection=" + org.skillshelf.web.html.Html.param(id);
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(new AtomFeed(taxonomy).build(records, "Skillshelf: " + c.title(), base(ctx), self, c.updatedAt()));
  }

  private void oai(Context ctx, Map<String, List<String>> parameters) {
    ctx.contentType("text/xml; charset=utf-8").result(oai.respond(new HashMap<>(parameters), base(ctx) + "/oai"));
  }

  private List<ExportRow> rows() {
    return index.newest(Integer.MAX_VALUE).stream().map(r -> ExportRow.of(r, index.linkState(r.resourceId()).name())).toList();
  }

  private static String base(Context ctx) {
    String host = ctx.host();
    return (Csrf.isSecure(ctx) ? "https" : "http") + "://" + (host == null || host.isBlank() ? "localhost" : host);
  }
}
