package org.skillshelf.ingest.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.skillshelf.ingest.bulk.BulkReport;
import org.skillshelf.ingest.bulk.BulkSubmission;
import org.skillshelf.ingest.intake.ResourceStatus;
import org.skillshelf.ingest.intake.StatusBoard;
import org.skillshelf.ingest.intake.SubmissionAnswer;
import org.skillshelf.ingest.intake.SubmissionDesk;
import org.skillshelf.ingest.intake.SubmissionStatus;
import org.skillshelf.kafka.Json;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/** The JSON API for suggesting resources (one, or a curator's bulk file) and following a suggestion. */
public final class SubmissionRoutes implements WebModule {
  /** The acknowledgement arrives on the producer's network thread, which must not write responses. */
  private final Executor answering = Executors.newVirtualThreadPerTaskExecutor();
  private final SubmissionDesk desk;
  private final StatusBoard board;
  private final BulkSubmission bulk;
  private final CuratorAccounts curators;
  private final SubmissionGate gate;

  SubmissionRoutes(SubmissionDesk desk, StatusBoard board, BulkSubmission bulk, CuratorAccounts curators, SubmissionGate gate) {
    this.desk = desk;
    this.board = board;
    this.bulk = bulk;
    this.curators = curators;
    this.gate = gate;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.post("/api/submissions", this::submit);
    config.routes.post("/api/submissions/bulk", this::bulk);
    config.routes.get("/api/submissions/{id}", this::status);
  }

  private void submit(Context ctx) throws IOException {
    gate.admit(ctx);
    byte[] body = BodySize.read(ctx, BodySize.SUGGESTION);
    SubmissionRequest request = Json.mapper().readValue(body, SubmissionRequest.class);
    if (request == null || request.url() == null || request.url().isBlank()) {
      throw ApiException.badRequest("INVALID_URL", "Give the address of the resource in \"url\".");
    }
    if (request.website() != null && !request.website().isBlank()) {
      throw ApiException.badRequest("REJECTED", "This suggestion could not be accepted.");
    }
    var suggestion = new SubmissionDesk.Suggestion(request.url(), request.note(),
        request.skills() == null ? List.of() : request.skills(), request.submitter(), null, "api", null);
    // Validation runs (and refuses) here; the answer is written when Kafka acknowledged the record,
    // so no thread waits for the broker meanwhile.
    var recorded = desk.acceptLater(suggestion);
    ctx.future(() -> recorded.thenAcceptAsync(answer -> {
      boolean published = answer.status().equals(SubmissionStatus.PUBLISHED.name());
      ctx.status(published ? 200 : 202).json(answer);
    }, answering));
  }

  private void bulk(Context ctx) {
    String curator = curators.requireCurator(ctx);
    byte[] body = BodySize.read(ctx, BodySize.BULK);
    boolean publish = "true".equalsIgnoreCase(ctx.queryParam("publish"));
    BulkReport report = bulk.submit(ctx.contentType(), new String(body, StandardCharsets.UTF_8), curator, publish);
    ctx.status(202).json(report);
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
