package org.skillshelf.ingest.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import org.skillshelf.ingest.intake.ResourceStatus;
import org.skillshelf.ingest.intake.StatusBoard;
import org.skillshelf.ingest.intake.SubmissionAnswer;
import org.skillshelf.ingest.intake.SubmissionDesk;
import org.skillshelf.ingest.intake.SubmissionStatus;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.WebModule;

/** The public JSON API for suggesting resources and following a suggestion. */
public final class SubmissionRoutes implements WebModule {
  private final SubmissionDesk desk;
  private final StatusBoard board;

  public SubmissionRoutes(SubmissionDesk desk, StatusBoard board) {
    this.desk = desk;
    this.board = board;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.post("/api/submissions", this::submit);
    config.routes.get("/api/submissions/{id}", this::status);
  }

  private void submit(Context ctx) {
    SubmissionRequest request = ctx.bodyAsClass(SubmissionRequest.class);
    if (request == null || request.url() == null || request.url().isBlank()) {
      throw ApiException.badRequest("INVALID_URL", "Give the address of the resource in \"url\".");
    }
    if (request.website() != null && !request.website().isBlank()) {
      throw ApiException.badRequest("REJECTED", "This suggestion could not be accepted.");
    }
    SubmissionAnswer answer = desk.accept(new SubmissionDesk.Suggestion(request.url(), request.note(),
        request.skills() == null ? List.of() : request.skills(), request.submitter(), null, "api", null));
    boolean published = answer.status().equals(SubmissionStatus.PUBLISHED.name());
    ctx.status(published ? 200 : 202).json(answer);
  }

  private void status(Context ctx) {
    String id = ctx.pathParam("id");
    ResourceStatus status = board.forSubmission(id).orElseThrow(() -> ApiException.notFound("The submission " + id));
    ctx.json(view(id, status));
  }

  static SubmissionView view(String id, ResourceStatus s) {
    return new SubmissionView(id, s.resourceId(), s.url(), s.canonicalUrl(), s.status().name(), s.history(),
        s.suggestions().size(), s.detail());
  }
}
