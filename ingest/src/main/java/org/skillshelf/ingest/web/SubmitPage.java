package org.skillshelf.ingest.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.skillshelf.events.Submitter;
import org.skillshelf.ingest.intake.SubmissionAnswer;
import org.skillshelf.ingest.intake.SubmissionDesk;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;

/**
 * The suggestion form at {@code /submit}: a plain HTML form that works without JavaScript. A
 * suggestion that is accepted redirects (303) to its status page; one that is refused comes back
 * with the reason next to the field and everything typed kept.
 */
final class SubmitPage implements WebModule {
  private final SubmissionDesk desk;
  private final Taxonomy taxonomy;
  private final SubmissionGate gate;

  SubmitPage(SubmissionDesk desk, Taxonomy taxonomy, SubmissionGate gate) {
    this.desk = desk;
    this.taxonomy = taxonomy;
    this.gate = gate;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/submit", ctx -> Page.render(ctx, "Suggest a resource", SubmitForm.EMPTY.html(ctx, taxonomy, null)));
    config.routes.post("/submit", this::submit);
  }

  private void submit(Context ctx) {
    BodySize.checkDeclared(ctx, BodySize.SUGGESTION);
    Csrf.verify(ctx);
    SubmitForm form = SubmitForm.from(ctx);
    try {
      if (!form.website().isBlank()) {
        throw ApiException.badRequest("REJECTED", "This suggestion could not be accepted.");
      }
      if (form.url().isBlank()) {
        throw ApiException.badRequest("INVALID_URL", "Enter the address of the resource, starting with https:// or http://.");
      }
      gate.admit(ctx);
      SubmissionAnswer answer = desk.accept(new SubmissionDesk.Suggestion(form.url(), SubmitForm.orNull(form.note()),
          form.skills(), submitter(form), null, "form", null));
      ctx.redirect("/submissions/" + Html.param(answer.id()), io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (ApiException e) {
      e.retryAfter().ifPresent(d -> ctx.header("Retry-After", String.valueOf(Math.max(1, d.toSeconds()))));
      ctx.status(e.status());
      Page.render(ctx, "Suggest a resource: check the form", form.html(ctx, taxonomy, problem(e)));
    }
  }

  private static SubmitForm.Problem problem(ApiException e) {
    String field = switch (e.code()) {
      case "INVALID_URL", "FORBIDDEN_ADDRESS" -> "url";
      case "UNKNOWN_SKILL" -> "skills";
      default -> "form";
    };
    return new SubmitForm.Problem(field, e.getMessage());
  }

  private static Submitter submitter(SubmitForm form) {
    return new Submitter(SubmitForm.orNull(form.name()), SubmitForm.orNull(form.email()));
  }
}
