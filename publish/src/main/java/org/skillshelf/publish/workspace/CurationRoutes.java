package org.skillshelf.publish.workspace;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.events.ReviewDecision.Verdict;
import org.skillshelf.publish.review.DecisionDesk;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/**
 * The curators' API for work after publishing: edit a published record (it republishes), withdraw it
 * with a reason (a tombstone on the catalogue topic), enrich a resource again, and read its history.
 */
public final class CurationRoutes implements WebModule {
  private final DecisionDesk desk;
  private final CuratorAccounts curators;
  private final CatalogueIndex index;
  private final ResourceTrail trail;

  /** The body of {@code POST /api/catalogue/{resourceId}/withdraw}. */
  public record WithdrawRequest(@Nullable String reason, @Nullable Long expectedVersion) {}

  public CurationRoutes(DecisionDesk desk, CuratorAccounts curators, CatalogueIndex index, ResourceTrail trail) {
    this.desk = desk;
    this.curators = curators;
    this.index = index;
    this.trail = trail;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.post("/api/catalogue/{resourceId}/edit", ctx -> {
      String curator = curators.requireCurator(ctx);
      CatalogueEditRequest request = ctx.bodyAsClass(CatalogueEditRequest.class);
      accepted(ctx, desk.decide(curator, ctx.pathParam("resourceId"), Verdict.EDIT, null, request.edits(), request.expectedVersion()));
    });
    config.routes.post("/api/catalogue/{resourceId}/withdraw", ctx -> {
      String curator = curators.requireCurator(ctx);
      WithdrawRequest request = ctx.bodyAsClass(WithdrawRequest.class);
      accepted(ctx, desk.decide(curator, ctx.pathParam("resourceId"), Verdict.WITHDRAW, request.reason(), Edits.none(),
          request.expectedVersion()));
    });
    config.routes.post("/api/resources/{resourceId}/reenrich", ctx -> {
      String curator = curators.requireCurator(ctx);
      var request = desk.reenrich(curator, ctx.pathParam("resourceId"));
      ctx.status(202).json(Map.of("resourceId", request.resourceId(), "url", request.canonicalUrl()));
    });
    config.routes.get("/api/resources/{resourceId}/history", ctx -> {
      curators.requireCurator(ctx);
      String id = ctx.pathParam("resourceId");
      ctx.json(ResourceHistory.of(desk.item(id), index.linkState(id).name(), trail.eventsFor(id)));
    });
  }

  private static void accepted(Context ctx, ReviewDecision decision) {
    ctx.status(202).json(Map.of("decisionId", decision.decisionId(), "resourceId", decision.resourceId(),
        "decision", decision.verdict().name()));
  }
}
