package org.skillshelf.publish.collections;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/**
 * The curators' collections API: {@code GET/POST /api/collections}, {@code GET/PUT/DELETE
 * /api/collections/{id}} and {@code POST /api/collections/{id}/publish} and {@code /unpublish}.
 * Every route needs a curator (and, for a login session, the CSRF header on changes); a change is
 * answered only after Kafka has acknowledged it.
 */
public final class CollectionRoutes implements WebModule {
  private final CollectionDesk desk;
  private final CuratorAccounts curators;

  public CollectionRoutes(CollectionDesk desk, CuratorAccounts curators) {
    this.desk = desk;
    this.curators = curators;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/collections", ctx -> {
      curators.requireCurator(ctx);
      var all = desk.shelf().all();
      ctx.json(Map.of("total", all.size(), "items", all));
    });
    config.routes.post("/api/collections", ctx -> {
      String curator = curators.requireCurator(ctx);
      var created = desk.create(curator, draft(ctx));
      ctx.status(201).header("Location", "/api/collections/" + created.id()).json(created);
    });
    config.routes.get("/api/collections/{id}", ctx -> {
      curators.requireCurator(ctx);
      ctx.json(desk.existing(ctx.pathParam("id")));
    });
    config.routes.put("/api/collections/{id}", ctx -> {
      String curator = curators.requireCurator(ctx);
      ctx.json(desk.replace(curator, ctx.pathParam("id"), draft(ctx)));
    });
    config.routes.delete("/api/collections/{id}", ctx -> {
      curators.requireCurator(ctx);
      desk.delete(ctx.pathParam("id"));
      ctx.status(204);
    });
    config.routes.post("/api/collections/{id}/publish", ctx -> {
      String curator = curators.requireCurator(ctx);
      ctx.json(desk.publish(curator, ctx.pathParam("id")));
    });
    config.routes.post("/api/collections/{id}/unpublish", ctx -> {
      String curator = curators.requireCurator(ctx);
      ctx.json(desk.unpublish(curator, ctx.pathParam("id")));
    });
  }

  private static CollectionDraft draft(Context ctx) {
    if (ctx.body().isBlank()) {
      throw org.skillshelf.web.ApiException.badRequest("MALFORMED_JSON", "Send the collection as a JSON object.");
    }
    return ctx.bodyAsClass(CollectionDraft.class);
  }
}
