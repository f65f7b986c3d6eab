package org.skillshelf.publish.workspace;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.events.ReviewDecision.Verdict;
import org.skillshelf.publish.review.DecisionDesk;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;

/**
 * The review pages: {@code /review} (the queue, with bulk decisions) and {@code /review/{id}} (one
 * resource, with approve, reject, re-enrich, edit and withdraw forms). After a decision the curator
 * lands on the next waiting item; a decision that conflicts with another curator's is shown as a
 * clear message on the page, and nothing is changed.
 */
public final class ReviewWorkspace implements WebModule {
  private static final String SCRIPT = "review.js";
  private static final Map<String, String> NOTICES = Map.of(
      "approve", "Approved: the record is being published.",
      "reject", "Rejected.",
      "edit", "Saved: the record is being republished.",
      "withdraw", "Withdrawn: the record is leaving the catalogue.",
      "reenrich", "Sent for enrichment again: the page will be fetched and analysed anew.");

  private final DecisionDesk desk;
  private final CuratorAccounts curators;
  private final ResourceTrail trail;
  private final Clock clock;

  public ReviewWorkspace(DecisionDesk desk, CuratorAccounts curators, ResourceTrail trail, Clock clock) {
    this.desk = desk;
    this.curators = curators;
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/review", this::queue);
    config.routes.post("/review/bulk", this::bulk);
    config.routes.get("/review/{resourceId}", ctx -> {
      curators.requireCuratorPage(ctx);
      show(ctx, desk.item(ctx.pathParam("resourceId")), HttpStatus.OK, null);
    });
    config.routes.post("/review/{resourceId}/approve", ctx -> decide(ctx, Verdict.APPROVE));
    config.routes.post("/review/{resourceId}/reject", ctx -> decide(ctx, Verdict.REJECT));
    config.routes.post("/review/{resourceId}/edit", ctx -> decide(ctx, Verdict.EDIT));
    config.routes.post("/review/{resourceId}/withdraw", ctx -> decide(ctx, Verdict.WITHDRAW));
    config.routes.post("/review/{resourceId}/reenrich", ctx -> {
      Csrf.verify(ctx);
      String curator = curators.requireCuratorPage(ctx);
      String id = ctx.pathParam("resourceId");
      desk.reenrich(curator, id);
      ctx.redirect("/review/" + Html.param(id) + "?done=reenrich", HttpStatus.SEE_OTHER);
    });
  }

  private void queue(Context ctx) {
    curators.requireCuratorPage(ctx);
    ctx.header("Cache-Control", "no-store");
    String done = ctx.queryParam("done");
    Page.render(ctx, "Review queue", QueuePage.render(ctx, desk.waiting(), QueueFilter.of(ctx), clock.instant(),
        done == null ? null : NOTICES.get(done)), "", SCRIPT);
  }

  private void show(Context ctx, ReviewItem item, HttpStatus status, @Nullable String problem) {
    List<ReviewItem> waiting = desk.waiting();
    int at = indexOf(waiting, item.resourceId());
    var around = new ItemPage.Neighbours(at > 0 ? waiting.get(at - 1).resourceId() : null,
        at >= 0 && at + 1 < waiting.size() ? waiting.get(at + 1).resourceId() : null);
    String done = ctx.queryParam("done");
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    String title = item.enriched().metadata().title() != null ? item.enriched().metadata().title() : item.enriched().url();
    Page.render(ctx, "Review: " + title, ItemPage.render(ctx, item, around,
        ResourceHistory.of(item, "", trail.eventsFor(item.resourceId())).events(), done == null ? null : NOTICES.get(done), problem), "", SCRIPT);
  }

  private void decide(Context ctx, Verdict verdict) {
    Csrf.verify(ctx);
    String curator = curators.requireCuratorPage(ctx);
    String id = ctx.pathParam("resourceId");
    ReviewItem item = desk.item(id);
    Edits edits = verdict == Verdict.APPROVE || verdict == Verdict.EDIT ? Forms.edits(ctx) : Edits.none();
    try {
      desk.decide(curator, id, verdict, Forms.blankToNull(ctx.formParam("reason")), edits, Forms.expectedVersion(ctx));
    } catch (ApiException e) {
      if (e.status() != 400 && e.status() != 409) {
        throw e;
      }
      show(ctx, desk.item(id), HttpStatus.forStatus(e.status()), e.getMessage());
      return;
    }
    String code = verdict.name().toLowerCase(java.util.Locale.ROOT);
    if (verdict == Verdict.EDIT || verdict == Verdict.WITHDRAW) {
      ctx.redirect("/review/" + Html.param(id) + "?done=" + code, HttpStatus.SEE_OTHER);
      return;
    }
    List<ReviewItem> open = desk.waiting().stream().filter(i -> i.resourceId().equals(id) || !desk.settling(i)).toList();
    String next = nextAfter(open, item.resourceId());
    ctx.redirect(next == null ? "/review?done=" + code : "/review/" + Html.param(next) + "?done=" + code, HttpStatus.SEE_OTHER);
  }

  private void bulk(Context ctx) {
    Csrf.verify(ctx);
    String curator = curators.requireCuratorPage(ctx);
    List<String> ids = ctx.formParams("id");
    String action = ctx.formParam("action");
    Verdict verdict = "reject".equals(action) ? Verdict.REJECT : "approve".equals(action) ? Verdict.APPROVE : null;
    if (ids.isEmpty() || verdict == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      Page.render(ctx, "Bulk decision", "<h1>Bulk decision</h1><p class=\"problem\" role=\"alert\">Select at least one resource"
          + " and choose approve or reject.</p><p><a href=\"/review\">Back to the queue</a></p>");
      return;
    }
    StringBuilder results = new StringBuilder("<h1>Bulk decision</h1><ul class=\"bulk-results\">");
    int done = 0;
    for (String id : ids.stream().distinct().limit(500).toList()) {
      try {
        desk.decide(curator, id, verdict, Forms.blankToNull(ctx.formParam("reason")), Edits.none(), null);
        done++;
        results.append("<li>").append(Html.text(id)).append(": ").append(verdict == Verdict.APPROVE ? "approved" : "rejected").append("</li>");
      } catch (ApiException e) {
        if (e.status() >= 500 || e.status() == 401 || e.status() == 403) {
          throw e;
        }
        results.append("<li class=\"problem\">").append(Html.text(id)).append(": not changed — ").append(Html.text(e.getMessage())).append("</li>");
      }
    }
    results.append("</ul><p>").append(done).append(" of ").append(ids.size()).append(" decided.</p><p><a href=\"/review\">Back to the queue</a></p>");
    Page.render(ctx, "Bulk decision", results.toString());
  }

  private static @Nullable String nextAfter(List<ReviewItem> waiting, String decided) {
    int at = indexOf(waiting, decided);
    for (int i = 1; i <= waiting.size(); i++) {
      ReviewItem candidate = waiting.get(Math.floorMod(at + i, waiting.size()));
      if (!candidate.resourceId().equals(decided)) {
        return candidate.resourceId();
      }
    }
    return null;
  }

  private static int indexOf(List<ReviewItem> items, String resourceId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).resourceId().equals(resourceId)) {
        return i;
      }
    }
    return -1;
  }
}
