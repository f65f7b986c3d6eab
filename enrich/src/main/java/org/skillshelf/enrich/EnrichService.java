package org.skillshelf.enrich;

import java.util.List;
import org.skillshelf.enrich.extract.ExtractionLimits;
import org.skillshelf.enrich.extract.ResourceExtractor;
import org.skillshelf.enrich.knowledge.CatalogueLearner;
import org.skillshelf.enrich.knowledge.Fingerprints;
import org.skillshelf.enrich.pipeline.EnrichWorker;
import org.skillshelf.enrich.pipeline.Enrichment;
import org.skillshelf.enrich.tagging.SkillTagger;
import org.skillshelf.fetch.AddressPolicy;
import org.skillshelf.fetch.FetchSettings;
import org.skillshelf.fetch.SafeFetcher;
import org.skillshelf.runtime.ServiceContext;
import org.skillshelf.runtime.StageService;
import org.skillshelf.web.HealthCheck;
import org.skillshelf.web.WebModule;

/** The enrich service: a worker enriching requests from Kafka, and a learner reading the catalogue. */
public final class EnrichService implements StageService {
  /**
   * Resources in flight at once in one instance: many, because most of them wait on the network;
   * their analysis shares a pool of one thread per core inside {@link Enrichment}.
   */
  static final int CONCURRENCY = 32;

  private final SafeFetcher fetcher;
  private final ResourceExtractor extractor;
  private final CatalogueLearner learner;
  private final Enrichment enrichment;
  private final EnrichWorker worker;

  public EnrichService(ServiceContext context) {
    this.fetcher = new SafeFetcher(FetchSettings.defaults(AddressPolicy.refusingPrivate(context.config().fetchAllowCidrs())),
        context.registry());
    this.extractor = new ResourceExtractor(ExtractionLimits.defaults());
    var tagger = new SkillTagger(context.taxonomy(), context.config().taggerMaxExamples());
    var fingerprints = new Fingerprints();
    this.learner = new CatalogueLearner(tagger, fingerprints, context.kafka(), context.registry());
    this.enrichment = new Enrichment(fetcher, extractor, tagger, fingerprints, context.clock(), context.registry());
    // The transactional id must be stable across restarts, so that a restarted instance fences
    // and aborts its predecessor's open transaction at once instead of readers waiting it out.
    this.worker = new EnrichWorker(enrichment, context.kafka(), context.config().instanceId(), CONCURRENCY);
  }

  @Override
  public String name() {
    return "enrich";
  }

  @Override
  public List<WebModule> webModules() {
    return List.of();
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(worker);
  }

  @Override
  public void start() {
    learner.start();
    worker.start();
  }

  @Override
  public void close() {
    worker.close();
    enrichment.close();
    learner.close();
    extractor.close();
    fetcher.close();
  }
}
