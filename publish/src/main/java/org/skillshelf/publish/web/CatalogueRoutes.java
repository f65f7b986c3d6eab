package org.skillshelf.publish.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.site.SearchParameters;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.WebModule;

/**
 * The public catalogue API: search with facets, suggestions as you type, one published record, and
 * records like it.
 */
public final class CatalogueRoutes implements WebModule {
  private final CatalogueIndex index;

  public CatalogueRoutes(CatalogueIndex index) {
    this.index = index;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/catalogue", ctx -> ctx.json(index.search(SearchParameters.from(ctx, 20))));
    config.routes.get("/api/catalogue/suggest", this::suggest);
    config.routes.get("/api/catalogue/{resourceId}", ctx -> {
      String id = ctx.pathParam("resourceId");
      var record = index.get(id).orElseThrow(() -> ApiException.notFound("The published record " + id));
      ctx.json(new PublishedView(record, index.linkState(id).name()));
    });
    config.routes.get("/api/catalogue/{resourceId}/similar", ctx -> {
      String id = ctx.pathParam("resourceId");
      index.get(id).orElseThrow(() -> ApiException.notFound("The published record " + id));
      ctx.json(Map.of("items", index.moreLikeThis(id, Math.clamp(SearchParameters.number(ctx, "size", 5), 1, 20))));
    });
  }

  private void suggest(Context ctx) {
    String typed = SearchParameters.param(ctx, "q");
    int size = Math.clamp(SearchParameters.number(ctx, "size", 8), 1, 20);
    ctx.json(Map.of("suggestions", typed == null ? java.util.List.of() : index.suggest(typed, size)));
  }
}
