package org.skillshelf.ingest;

import java.util.List;
import org.skillshelf.fetch.AddressPolicy;
import org.skillshelf.ingest.abuse.SubmissionRateLimit;
import org.skillshelf.ingest.bulk.BulkSubmission;
import org.skillshelf.ingest.intake.IntakeTopology;
import org.skillshelf.ingest.intake.ResourceStatus;
import org.skillshelf.ingest.intake.StatusBoard;
import org.skillshelf.ingest.intake.SubmissionDesk;
import org.skillshelf.ingest.intake.TargetCheck;
import org.skillshelf.ingest.web.SubmissionWeb;
import org.skillshelf.kafka.LocalStores;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.ServiceContext;
import org.skillshelf.runtime.StageService;
import org.skillshelf.url.TrackingParameters;
import org.skillshelf.web.HealthCheck;
import org.skillshelf.web.WebModule;

/** The ingest service: the submission API and the intake topology behind it. */
public final class IngestService implements StageService {
  private final StreamsApp intake;
  private final List<WebModule> modules;

  public IngestService(ServiceContext context) {
    var statuses = new LocalStores<ResourceStatus>(Topics.SUBMISSIONS.partitions());
    this.intake = new StreamsApp("intake", IntakeTopology.build(context.registry(), statuses),
        context.kafka().streams("skillshelf-intake"), context.registry());
    var board = new StatusBoard(intake, statuses, context.clock());
    var targets = new TargetCheck(AddressPolicy.refusingPrivate(context.config().fetchAllowCidrs()));
    var desk = new SubmissionDesk(context.publisher(), board, targets, context.taxonomy(), TrackingParameters.defaults(),
        context.clock(), context.registry());
    var limit = new SubmissionRateLimit(context.config().submitRate(), context.config().submitRateWindow(), context.clock());
    this.modules = SubmissionWeb.modules(desk, board, new BulkSubmission(desk, context.registry()), context.curators(),
        context.taxonomy(), limit, context.registry());
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<WebModule> webModules() {
    return modules;
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(intake);
  }

  @Override
  public void start() {
    intake.start();
  }

  @Override
  public void close() {
    intake.close();
  }
}
