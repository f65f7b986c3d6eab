package org.skillshelf.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.skillshelf.app.Skillshelf;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.linkcheck.LinkcheckService;
import org.skillshelf.runtime.ServiceFactory;
import org.skillshelf.runtime.SkillshelfProcess;

/**
 * Soak: the all-in-one process (broker included) enriches and publishes N pages, fed through the
 * bulk API a thousand at a time (a tenth at a time in runs under 10,000), while it checks every
 * published link every interval; then it keeps checking until C more checks per page (C full
 * cycles) have been made. It runs with the launcher's JVM flags (bench/run passes them). After
 * each thousand pages and each cycle it prints resident memory, heap after a full GC, open file
 * descriptors and live threads, and at the end whether those stayed flat: in the second half of
 * the pages (the first fills the bounded caches, and is reported too) and over the cycles.
 *
 * <p>Arguments: pages (default 20,000: twice the tagger's bound, so that the second half runs with
 * every bounded cache full), cycles (default 5), link-check interval (default PT1M), a folder of
 * pages (default the extraction corpus). {@code SKILLSHELF_TAGGER_MAX_EXAMPLES} in the environment
 * is passed on.
 */
public final class SoakBenchmark {
  private static final Duration STEP_LIMIT = Duration.ofMinutes(20);

  private SoakBenchmark() {}

  /** One reading of the process's resources. */
  record Sample(String at, long rssMb, long fileRssMb, long heapResidentMb, long heapAfterGcMb, long heapCommittedMb, OpenFiles fds,
      int threads, long checks) {
    @Override
    public String toString() {
      return String.format("%-14s RSS %5d MB (mapped files %4d MB, heap %4d MB, native %4d MB), heap after GC %4d MB of %4d MB, %s, "
          + "threads %3d, link checks %7d", at, rssMb, fileRssMb, heapResidentMb, nativeMb(), heapAfterGcMb, heapCommittedMb, fds,
          threads, checks);
    }

    long anonymousRssMb() {
      return rssMb - fileRssMb;
    }

    /** Resident memory that is neither the heap nor mapped files: native allocations, stacks, code, metadata. */
    long nativeMb() {
      return rssMb - fileRssMb - heapResidentMb;
    }
  }

  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Duration interval = Duration.parse(args.length > 2 ? args[2] : "PT1M");
    Path folder = Path.of(args.length > 3 ? args[3] : "../../shared/corpora/extraction-dev/html");
    List<byte[]> corpus = EnrichmentBenchmark.load(folder);
    Path data = Files.createTempDirectory("skillshelf-soak");
    System.out.printf("soak: %d pages (%d distinct) on 16 loopback hosts, %d link-check cycles, interval %s; %s; load average %s%n",
        pages, corpus.size(), cycles, interval, Figures.machine(), Figures.loadAverage());
    Map<Service, ServiceFactory> services = new HashMap<>(Skillshelf.services());
    // No gap between two checks of one host: 16 loopback hosts stand for thousands of real ones.
    services.put(Service.LINKCHECK, ctx -> new LinkcheckService(ctx, new LinkcheckService.Tuning(Duration.ZERO, 64, Duration.ofSeconds(20))));
    Map<String, String> settings = new HashMap<>(Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", data.toString(),
        "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8", "SKILLSHELF_CURATORS", "soak:soak", "SKILLSHELF_SUBMIT_RATE", "0",
        "SKILLSHELF_LINKCHECK_INTERVAL", interval.toString(), "SKILLSHELF_INSTANCE_ID", "soak"));
    // The tagger's learned examples are the one bounded cache that fills while pages arrive (the
    // bound is 10,000 records); a smaller bound shows whether anything else grows after it is full.
    String examples = System.getenv("SKILLSHELF_TAGGER_MAX_EXAMPLES");
    if (examples != null) {
      settings.put("SKILLSHELF_TAGGER_MAX_EXAMPLES", examples);
      System.out.println("tagger examples bounded at " + examples);
    }
    var config = SkillshelfConfig.fromEnvironment(settings);
    List<Sample> fed = new ArrayList<>();
    List<Sample> checked = new ArrayList<>();
    long start = System.nanoTime();
    try (var web = PageWeb.start(corpus, 16); var process = SkillshelfProcess.start(config, services, Skillshelf::embeddedBroker)) {
      if (!process.awaitReady(Duration.ofMinutes(3))) {
        throw new IllegalStateException("not ready: " + process.health());
      }
      var http = HttpClient.newHttpClient();
      // A reading every thousand pages; ten readings in a shorter run, so that it has a trend too.
      int chunk = Math.min(1000, Math.max(100, pages / 10));
      for (int done = 0; done < pages; done += chunk) {
        int size = Math.min(chunk, pages - done);
        submit(http, process.baseUrl(), LongStream.range(done, done + size).mapToObj(web::url).toList());
        awaitCount(process.registry(), "skillshelf.enrich.resources", done + size);
        fed.add(sample(String.format("%,d pages", done + size), process.registry()));
        System.out.printf("%s  (%.0f s)%n", fed.getLast(), (System.nanoTime() - start) / 1e9);
      }
      // Links were checked while pages were still coming in; the cycles count from here.
      long checkedWhileFeeding = count(process.registry(), "skillshelf.linkcheck.checks");
      for (int cycle = 1; cycle <= cycles; cycle++) {
        awaitCount(process.registry(), "skillshelf.linkcheck.checks", checkedWhileFeeding + (long) cycle * pages);
        checked.add(sample("cycle " + cycle, process.registry()));
        System.out.printf("%s  (%.0f s)%n", checked.getLast(), (System.nanoTime() - start) / 1e9);
      }
    }
    System.out.printf("peak RSS %d MB; load average at the end %s%n", Figures.peakRssMb(), Figures.loadAverage());
    // The bounded caches (the tagger's examples, RocksDB's block caches) fill during the first half;
    // a leak is what still grows in the second.
    Sample half = fed.get(Math.max(0, fed.size() / 2 - 1));
    verdict("while enriching, first half, bounded caches filling", fed.size() > 1 ? fed.get(1) : fed.getFirst(), half);
    verdict("while enriching, second half", half, fed.getLast());
    if (!checked.isEmpty()) {
      verdict("while checking", checked.getFirst(), checked.getLast());
    }
  }

  private static void submit(HttpClient http, String base, List<String> urls) throws Exception {
    String auth = Base64.getEncoder().encodeToString("soak:soak".getBytes(StandardCharsets.UTF_8));
    var request = HttpRequest.newBuilder(URI.create(base + "/api/submissions/bulk?publish=true"))
        .header("Authorization", "Basic " + auth).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", urls))).build();
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 202) {
      throw new IllegalStateException("bulk submission answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  /** Waits until a counter (summed over its tags) reaches a value. */
  private static void awaitCount(MeterRegistry registry, String counter, long target) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
    while (count(registry, counter) < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(counter + " did not reach " + target + " within " + STEP_LIMIT + ": " + count(registry, counter));
      }
      Thread.sleep(250); // polling the process's own counters; nothing to be notified by
    }
  }

  private static long count(MeterRegistry registry, String counter) {
    return (long) registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static Sample sample(String at, MeterRegistry registry) throws Exception {
    System.gc(); // heap after a full collection is what a leak shows in; the young garbage is noise
    var usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long heap = usage.getUsed() >> 20;
    return new Sample(at, Figures.rssMb(), Figures.fileRssMb(), HeapResidency.residentMb(), heap, usage.getCommitted() >> 20, OpenFiles.now(),
        ManagementFactory.getThreadMXBean().getThreadCount(),
        count(registry, "skillshelf.linkcheck.checks"));
  }

  /**
   * Flat means: RSS, RSS without mapped files, and heap after GC within 20 % (heap: or 64 MB, the read models' own growth
   * with a few thousand records), file descriptors other than the stores' files within 25 and threads within 10 of the
   * earlier reading. The stores' files follow the data within their own bounds (see {@link OpenFiles}); they are printed.
   * The first thousand is left out of the enrich comparisons: it includes warm-up.
   */
  private static void verdict(String phase, Sample from, Sample to) {
    List<String> growing = new ArrayList<>();
    if (to.rssMb() > from.rssMb() * 1.2) {
      growing.add("RSS");
    }
    if (to.anonymousRssMb() > from.anonymousRssMb() * 1.2) {
      growing.add("RSS without mapped files");
    }
    if (to.heapAfterGcMb() > Math.max(from.heapAfterGcMb() * 1.2, from.heapAfterGcMb() + 64)) {
      growing.add("heap");
    }
    if (to.fds().others() > from.fds().others() + 25) {
      growing.add("file descriptors");
    }
    if (to.threads() > from.threads() + 10) {
      growing.add("threads");
    }
    System.out.printf("verdict %s (%s → %s): RSS %+d MB (without mapped files %+d MB, native %+d MB), "
        + "heap after GC %+d MB, fds %+d (RocksDB tables %+d, Kafka segments %+d, search index %+d, other %+d), threads %+d → %s%n",
        phase, from.at().trim(), to.at().trim(), to.rssMb() - from.rssMb(), to.anonymousRssMb() - from.anonymousRssMb(),
        to.nativeMb() - from.nativeMb(), to.heapAfterGcMb() - from.heapAfterGcMb(), to.fds().total() - from.fds().total(),
        to.fds().rocksDbTables() - from.fds().rocksDbTables(), to.fds().kafkaSegments() - from.fds().kafkaSegments(),
        to.fds().searchIndex() - from.fds().searchIndex(), to.fds().others() - from.fds().others(),
        to.threads() - from.threads(), growing.isEmpty() ? "FLAT" : "GROWING: " + String.join(", ", growing));
  }
}
