package org.skillshelf.publish.brokenlinks;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Page;

/**
 * The broken-links queue over HTTP: {@code GET /api/broken-links} and {@code POST
 * /api/broken-links/{id}} (JSON, curators), and the page {@code /review/broken-links} with one form
 * per action. Mount before the review workspace, whose {@code /review/{resourceId}} would take the
 * page's path.
 */
public final class BrokenLinkRoutes implements WebModule {
  private static final String PAGE = "/review/broken-links";
  private static final Map<String, String> NOTICES = Map.of(
      "replace", "Replaced: the record is being republished with its new link.",
      "withdraw", "Withdrawn: the record is leaving the catalogue.",
      "dismiss", "Dismissed: the entry comes back only if the link breaks anew or is reported again.");

  private final BrokenLinkDesk desk;
  private final CuratorAccounts curators;
  private final Clock clock;

  public BrokenLinkRoutes(BrokenLinkDesk desk, CuratorAccounts curators, Clock clock) {
    this.desk = desk;
    this.curators = curators;
    this.clock = clock;
  }

  /** The JSON body of {@code POST /api/broken-links/{id}}: {@code action} is REPLACE, WITHDRAW or DISMISS. */
  public record ActionRequest(@Nullable String action, @Nullable String url, @Nullable String reason, @Nullable String note) {}

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/broken-links", ctx -> {
      curators.requireCurator(ctx);
      List<BrokenLink> open = desk.board().open();
      ctx.json(Map.of("total", open.size(), "items", open));
    });
    config.routes.post("/api/broken-links/{resourceId}", this::apiAction);
    config.routes.get(PAGE, ctx -> {
      curators.requireCuratorPage(ctx);
      String done = ctx.queryParam("done");
      show(ctx, HttpStatus.OK, done == null ? null : NOTICES.get(done), null);
    });
    for (String action : NOTICES.keySet()) {
      config.routes.post(PAGE + "/{resourceId}/" + action, ctx -> pageAction(ctx, action));
    }
  }

  private void apiAction(Context ctx) {
    String curator = curators.requireCurator(ctx);
    ActionRequest request = ctx.bodyAsClass(ActionRequest.class);
    String action = request.action() == null ? "" : request.action().strip().toLowerCase(Locale.ROOT);
    if (!NOTICES.containsKey(action)) {
      throw ApiException.badRequest("INVALID_ACTION", "Say \"action\": \"REPLACE\", \"WITHDRAW\" or \"DISMISS\".");
    }
    String id = ctx.pathParam("resourceId");
    act(curator, id, action, request.url(), request.reason(), request.note());
    ctx.status(202).json(Map.of("resourceId", id, "action", action.toUpperCase(Locale.ROOT)));
  }

  private void pageAction(Context ctx, String action) {
    Csrf.verify(ctx);
    String curator = curators.requireCuratorPage(ctx);
    try {
      act(curator, ctx.pathParam("resourceId"), action, ctx.formParam("url"), ctx.formParam("reason"), ctx.formParam("note"));
    } catch (ApiException e) {
      if (e.status() != 400 && e.status() != 404 && e.status() != 409) {
        throw e;
      }
      show(ctx, HttpStatus.forStatus(e.status()), null, e.getMessage());
      return;
    }
    ctx.redirect(PAGE + "?done=" + action, HttpStatus.SEE_OTHER);
  }

  private void act(String curator, String id, String action, @Nullable String url, @Nullable String reason, @Nullable String note) {
    switch (action) {
      case "replace" -> desk.replace(curator, id, url);
      case "withdraw" -> desk.withdraw(curator, id, reason);
      default -> desk.dismiss(curator, id, note);
    }
  }

  private void show(Context ctx, HttpStatus status, @Nullable String notice, @Nullable String problem) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    Page.render(ctx, "Broken links", BrokenLinksPage.render(ctx, desk.board().open(), clock.instant(), notice, problem));
  }
}
