package org.skillshelf.publish.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.events.ReviewDecision.Verdict;
import org.skillshelf.publish.review.DecisionDesk;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/**
 * The curators' API: the review queue, one resource's enrichment and text, and decisions. A decision
 * is checked against the item's current state and against decisions still on their way through
 * Kafka, so the second of two curators deciding the same record gets a 409 instead of silently
 * overwriting the first.
 */
public final class ReviewRoutes implements WebModule {
  private final DecisionDesk desk;
  private final CuratorAccounts curators;

  public ReviewRoutes(DecisionDesk desk, CuratorAccounts curators) {
    this.desk = desk;
    this.curators = curators;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/review/queue", this::queue);
    config.routes.post("/api/review/{resourceId}/decision", this::decide);
    config.routes.get("/api/resources/{resourceId}", ctx -> {
      curators.requireCurator(ctx);
      ctx.json(ResourceView.of(desk.item(ctx.pathParam("resourceId"))));
    });
    config.routes.get("/api/resources/{resourceId}/text", ctx -> {
      curators.requireCurator(ctx);
      ctx.contentType("text/plain; charset=utf-8").result(desk.item(ctx.pathParam("resourceId")).enriched().mainText());
    });
  }

  private void queue(Context ctx) {
    curators.requireCurator(ctx);
    int limit = Math.clamp(intParam(ctx, "limit", 50), 1, 500);
    int offset = Math.max(0, intParam(ctx, "offset", 0));
    List<ReviewItem> waiting = desk.waiting();
    List<ResourceView> page = waiting.stream().skip(offset).limit(limit).map(ResourceView::of).toList();
    ctx.json(Map.of("total", waiting.size(), "items", page));
  }

  private void decide(Context ctx) {
    String curator = curators.requireCurator(ctx);
    String resourceId = ctx.pathParam("resourceId");
    DecisionRequest request = ctx.bodyAsClass(DecisionRequest.class);
    Verdict verdict = verdict(request.decision());
    ReviewDecision decision = desk.decide(curator, resourceId, verdict, request.reason(),
        request.edits() == null ? Edits.none() : request.edits(), request.expectedVersion());
    ctx.status(202).json(Map.of("decisionId", decision.decisionId(), "resourceId", resourceId, "decision", verdict.name()));
  }

  private static Verdict verdict(String raw) {
    if (raw == null) {
      throw ApiException.badRequest("INVALID_DECISION", "Say \"decision\": \"APPROVE\" or \"REJECT\".");
    }
    return switch (raw.trim().toUpperCase(Locale.ROOT)) {
      case "APPROVE" -> Verdict.APPROVE;
      case "REJECT" -> Verdict.REJECT;
      default -> throw ApiException.badRequest("INVALID_DECISION", "\"" + raw + "\" is not a decision; use APPROVE or REJECT.");
    };
  }

  static int intParam(Context ctx, String name, int fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("INVALID_PARAMETER", "'" + name + "' must be a whole number.");
    }
  }
}
