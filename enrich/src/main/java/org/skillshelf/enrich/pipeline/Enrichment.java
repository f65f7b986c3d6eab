package org.skillshelf.enrich.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.skillshelf.enrich.extract.Extraction;
import org.skillshelf.enrich.extract.ExtractionFailure;
import org.skillshelf.enrich.extract.ResourceExtractor;
import org.skillshelf.enrich.knowledge.Fingerprints;
import org.skillshelf.enrich.tagging.SkillTagger;
import org.skillshelf.enrich.tagging.TaggingInput;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.EnrichedResource.EnrichmentStatus;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.events.FetchSummary;
import org.skillshelf.events.Problem;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.fetch.Redirect;
import org.skillshelf.fetch.SafeFetcher;
import org.skillshelf.text.main.MainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches one resource: fetch it safely, extract metadata and main text, suggest skills, look for
 * near-duplicates. Never throws: every failure becomes a FAILED result with a reason a curator
 * understands.
 *
 * <p>Fetching waits on the network, so many fetches may run at once on the caller's virtual
 * threads; analysing a page (parsing, extraction, tagging) is pure CPU, so it runs on a small
 * pool of platform threads, about one per core. Virtual threads are never preempted: analysis on
 * them would keep finished fetches waiting for a carrier, holding their host's permit meanwhile.
 * Close it to stop the pool.
 */
public final class Enrichment implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Enrichment.class);
  /**
   * Bound on the text carried in the event (the topic's message limit is 2 MB): the part the
   * fingerprint covers, so linkcheck can fingerprint today's page the same way.
   */
  static final int MAX_TEXT = MainText.FINGERPRINTED_CHARS;

  private final SafeFetcher fetcher;
  private final ResourceExtractor extractor;
  private final SkillTagger tagger;
  private final Fingerprints fingerprints;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Timer duration;
  private final Timer tagging;
  private final ExecutorService analysis;

  /** With one analysis thread per available core. */
  public Enrichment(SafeFetcher fetcher, ResourceExtractor extractor, SkillTagger tagger, Fingerprints fingerprints,
      Clock clock, MeterRegistry registry) {
    this(fetcher, extractor, tagger, fingerprints, clock, registry, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param analysisThreads how many pages are analysed at once; CPU-bound, so about the cores
   */
  public Enrichment(SafeFetcher fetcher, ResourceExtractor extractor, SkillTagger tagger, Fingerprints fingerprints,
      Clock clock, MeterRegistry registry, int analysisThreads) {
    if (analysisThreads < 1) {
      throw new IllegalArgumentException("analysisThreads must be at least 1, was " + analysisThreads);
    }
    this.fetcher = fetcher;
    this.extractor = extractor;
    this.tagger = tagger;
    this.fingerprints = fingerprints;
    this.clock = clock;
    this.registry = registry;
    this.duration = Timer.builder("skillshelf.enrich.duration").description("time to enrich one resource").register(registry);
    this.tagging = Timer.builder("skillshelf.enrich.tagging.duration").description("time to suggest skills for one resource").register(registry);
    this.analysis = Executors.newFixedThreadPool(analysisThreads,
        Thread.ofPlatform().name("enrich-analysis-", 0).daemon().factory());
  }

  public EnrichedResource enrich(EnrichmentRequest request) {
    return duration.record(() -> {
      EnrichedResource result = attempt(request);
      Counter.builder("skillshelf.enrich.resources").tag("status", result.status().name())
          .description("resources enriched, by result").register(registry).increment();
      if (result.error() != null) {
        LOG.info("Enrichment of {} ({}) failed: {}", request.resourceId(), request.canonicalUrl(), result.error().message());
      }
      return result;
    });
  }

  private EnrichedResource attempt(EnrichmentRequest request) {
    FetchResult fetched;
    try {
      fetched = fetcher.fetch(FetchRequest.get(URI.create(request.canonicalUrl())));
    } catch (FetchFailure failure) {
      return failed(request, null, new Problem(failure.reason().name(), failure.curatorMessage()));
    } catch (RuntimeException e) {
      return failed(request, null, new Problem("FETCH_ERROR", "the page could not be fetched (" + e.getClass().getSimpleName() + ")"));
    }
    if (fetched.status() >= 400) {
      return failed(request, fetched, new Problem("HTTP_" + fetched.status(), "the server answered " + fetched.status()));
    }
    try {
      return analysis.submit(() -> analyse(request, fetched)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(request, fetched, new Problem("INTERRUPTED", "enrichment was stopped before the page was read"));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      // A bug in analysis must not lose the request: it becomes a failure a curator can retry.
      LOG.error("Analysing {} failed", request.canonicalUrl(), e.getCause());
      return failed(request, fetched, new Problem("ANALYSIS_FAILED", "Skillshelf could not analyse this page (an internal error)"));
    }
  }

  private EnrichedResource analyse(EnrichmentRequest request, FetchResult fetched) {
    Extraction extraction;
    try {
      boolean html = fetched.mediaType() == null || fetched.mediaType().contains("html");
      extraction = extractor.extract(fetched.finalUri(), fetched.mediaType(), fetched.body(), html ? fetched.text() : "");
    } catch (ExtractionFailure failure) {
      return failed(request, fetched, new Problem("EXTRACTION_FAILED", failure.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("Extractor error on {}: {}", request.canonicalUrl(), e.toString());
      return failed(request, fetched, new Problem("EXTRACTION_FAILED", "the content could not be read"));
    }
    ResourceMetadata metadata = extraction.metadata();
    if ((metadata.title() == null || metadata.title().isBlank()) && request.titleHint() != null) {
      metadata = metadata.withTitle(request.titleHint());
    }
    String text = extraction.mainText().length() > MAX_TEXT ? extraction.mainText().substring(0, MAX_TEXT) : extraction.mainText();
    String title = metadata.title() == null ? "" : metadata.title();
    TaggingInput input = new TaggingInput(title, metadata.description(), text);
    List<SkillSuggestion> skills = tagging.record(() -> tagger.suggest(input));
    long fingerprint = MainText.fingerprint(text);
    var duplicates = fingerprints.likelyDuplicates(request.resourceId(), fingerprint);
    fingerprints.put(request.resourceId(), fingerprint);
    return new EnrichedResource(EnrichedResource.VERSION, request.resourceId(), request.canonicalUrl(),
        fetched.finalUri().toString(), EnrichmentStatus.ENRICHED, metadata, text, fingerprint, skills,
        request.submitterSkills(), duplicates, summary(fetched), null, request.autoPublishBy(), clock.instant());
  }

  private EnrichedResource failed(EnrichmentRequest request, @Nullable FetchResult fetched, Problem problem) {
    ResourceMetadata metadata = request.titleHint() == null ? ResourceMetadata.empty() : ResourceMetadata.empty().withTitle(request.titleHint());
    return new EnrichedResource(EnrichedResource.VERSION, request.resourceId(), request.canonicalUrl(),
        fetched == null ? null : fetched.finalUri().toString(), EnrichmentStatus.FAILED, metadata, "", 0, List.of(),
        request.submitterSkills(), List.of(), fetched == null ? null : summary(fetched), problem, request.autoPublishBy(),
        clock.instant());
  }

  @Override
  public void close() {
    analysis.shutdownNow();
  }

  private static FetchSummary summary(FetchResult fetched) {
    return new FetchSummary(fetched.status(), fetched.mediaType(), fetched.body().length,
        fetched.redirects().stream().map(Redirect::to).map(URI::toString).toList(), fetched.elapsed().toMillis());
  }

}
