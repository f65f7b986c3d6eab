package org.skillshelf.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.skillshelf.enrich.extract.Extraction;
import org.skillshelf.enrich.extract.ExtractionLimits;
import org.skillshelf.enrich.extract.ResourceExtractor;
import org.skillshelf.enrich.tagging.SkillTagger;
import org.skillshelf.enrich.tagging.TaggingInput;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.FetchSummary;
import org.skillshelf.kafka.Topics;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.text.main.MainText;

/**
 * The CPU one enriched page costs to analyse, on one thread and without Kafka or the network:
 * extraction (parse, metadata, main text, language), skill suggestion, fingerprint and the
 * enriched event's serialisation, as Enrichment does per page. Thread CPU time, so it stays
 * steady on a machine shared with other work, where pages per second would not.
 *
 * <p>Arguments: a folder of pages (default the extraction corpus), pages to warm up with (default
 * 600, not measured) and pages to measure (default 2,000); pages repeat in turn.
 */
public final class AnalysisCpuBenchmark {
  private AnalysisCpuBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args.length > 0 ? args[0] : "../../shared/corpora/extraction-dev/html");
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 600;
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    List<byte[]> pages = EnrichmentBenchmark.load(folder);
    List<String> texts = pages.stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (var extractor = new ResourceExtractor(ExtractionLimits.defaults())) {
      var tagger = new SkillTagger(Taxonomy.builtIn());
      analyse(extractor, tagger, pages, texts, warmUp);
      long cpu = threads.getCurrentThreadCpuTime();
      long written = analyse(extractor, tagger, pages, texts, count);
      double msPerPage = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / count;
      // Printing what was written also keeps the compiler from dropping the work as unused.
      System.out.printf("analysis CPU per page: %.2f ms on one thread over %d pages"
          + " (after %d warm-up pages, %.1f MB of events written) from %s; %s%n",
          msPerPage, count, warmUp, written / 1e6, folder, Figures.machine());
    }
  }

  /** Analyses {@code count} pages as Enrichment does; returns the bytes of enriched events written. */
  private static long analyse(ResourceExtractor extractor, SkillTagger tagger, List<byte[]> pages, List<String> texts, int count)
      throws Exception {
    long written = 0;
    for (int i = 0; i < count; i++) {
      URI uri = URI.create("http://127.0.0.1/page/" + i);
      Extraction extraction = extractor.extract(uri, "text/html; charset=utf-8", pages.get(i % pages.size()), texts.get(i % texts.size()));
      String text = extraction.mainText().length() > MainText.FINGERPRINTED_CHARS
          ? extraction.mainText().substring(0, MainText.FINGERPRINTED_CHARS) : extraction.mainText();
      var metadata = extraction.metadata();
      var skills = tagger.suggest(new TaggingInput(metadata.title() == null ? "" : metadata.title(), metadata.description(), text));
      var enriched = new EnrichedResource(EnrichedResource.VERSION, "r" + i, uri.toString(), uri.toString(),
          EnrichedResource.EnrichmentStatus.ENRICHED, metadata, text, MainText.fingerprint(text), skills, List.of(), List.of(),
          new FetchSummary(200, "text/html", pages.get(i % pages.size()).length, List.of(), 1), null, null, Instant.EPOCH);
      written += Topics.ENRICHED.serde().serializer().serialize(Topics.ENRICHED.name(), enriched).length;
    }
    return written;
  }
}
