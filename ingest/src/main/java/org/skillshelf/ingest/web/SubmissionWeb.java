package org.skillshelf.ingest.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.skillshelf.ingest.abuse.SubmissionRateLimit;
import org.skillshelf.ingest.bulk.BulkSubmission;
import org.skillshelf.ingest.intake.StatusBoard;
import org.skillshelf.ingest.intake.SubmissionDesk;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/** Everything ingest serves over HTTP: the JSON API, the suggestion form, status pages and bulk upload. */
public final class SubmissionWeb {
  private SubmissionWeb() {}

  /** The public paths share one rate limit per client address; curators' bulk imports are not limited. */
  public static List<WebModule> modules(SubmissionDesk desk, StatusBoard board, BulkSubmission bulk, CuratorAccounts curators,
      Taxonomy taxonomy, SubmissionRateLimit limit, MeterRegistry registry) {
    var gate = new SubmissionGate(limit, registry);
    return List.of(new SubmissionRoutes(desk, board, bulk, curators, gate), new SubmitPage(desk, taxonomy, gate),
        new StatusPage(board), new BulkUploadPage(bulk, curators));
  }
}
