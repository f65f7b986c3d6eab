package org.skillshelf.publish.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Locale;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.search.CatalogueQuery;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.WebModule;

/** The public catalogue API: search with facets, and one published record. */
public final class CatalogueRoutes implements WebModule {
  private final CatalogueIndex index;

  public CatalogueRoutes(CatalogueIndex index) {
    this.index = index;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/catalogue", this::search);
    config.routes.get("/api/catalogue/{resourceId}", ctx -> {
      String id = ctx.pathParam("resourceId");
      var record = index.get(id).orElseThrow(() -> ApiException.notFound("The published record " + id));
      ctx.json(new PublishedView(record, index.linkState(id).name()));
    });
  }

  private void search(Context ctx) {
    String sort = ctx.queryParam("sort");
    var query = new CatalogueQuery(ctx.queryParam("q"), ctx.queryParam("skill"), ctx.queryParam("type"),
        ctx.queryParam("language"), ctx.queryParam("linkState"), "true".equals(ctx.queryParam("includeBroken")),
        sort != null && sort.toLowerCase(Locale.ROOT).equals("newest") ? CatalogueQuery.Sort.NEWEST : CatalogueQuery.Sort.RELEVANCE,
        ReviewRoutes.intParam(ctx, "page", 1), ReviewRoutes.intParam(ctx, "size", 20));
    ctx.json(index.search(query));
  }
}
