package org.skillshelf.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.skillshelf.app.Skillshelf;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.linkcheck.LinkcheckService;
import org.skillshelf.linkcheck.schedule.StoredHealth;
import org.skillshelf.runtime.ServiceContext;
import org.skillshelf.runtime.ServiceFactory;
import org.skillshelf.runtime.SkillshelfProcess;

/**
 * Full link-check cycles of a simulated web: N catalogue records linking to pages on H hosts (a
 * {@link SimulatedWeb} in a process of its own, as real sites are elsewhere), every answer delayed
 * 50 ms. Cycle 1 runs from the first record published until every link has a health; each later
 * cycle from the moment every link falls due again until every link has been checked again, up to
 * cycle 31, when every link has a full history of 30 checks. The politeness
 * bound is what the per-host limit alone allows: the busiest host's requests ÷ 2 × 50 ms.
 * In the same run, Debian's {@code linkchecker} (when installed) checks the same list.
 *
 * <p>Arguments: links (default 20,000), hosts (default 200), linkchecker time limit in seconds
 * (default 600; 0 skips it), answer delay in milliseconds (default 50). A longer delay asks for
 * fewer requests a second at the same bound, which tells whether a slow cycle is the pipeline's
 * doing or the CPU's.
 */
public final class LinkcheckBenchmark {
  private static final int PER_HOST = 2;
  /**
   * The cycle shown as a running checker's: by then every link has a full history of checks, which
   * each check reads and writes again.
   */
  private static final int STEADY_CYCLE = 1 + LinkHealth.HISTORY;
  /** Long enough that no link comes due twice within a cycle. */
  private static final Duration INTERVAL = Duration.ofDays(1);
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private LinkcheckBenchmark() {}

  public static void main(String[] args) throws Exception {
    int links = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int hostCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int linkcheckerLimit = args.length > 2 ? Integer.parseInt(args[2]) : 600;
    Duration delay = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 50);
    System.out.printf("linkcheck benchmark: %d links over %d hosts, %d ms per answer, %d requests per host at once; %s; "
        + "load average before the run %.1f%n", links, hostCount, delay.toMillis(), PER_HOST, Figures.machine(), loadAverage());
    System.out.println("JVM flags: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
        .stream().filter(a -> a.startsWith("-X")).toList()));
    try (WebProcess web = WebProcess.start(hostCount, delay)) {
      List<String> urls = new ArrayList<>();
      for (int n = 0; n < links; n++) {
        urls.add(web.bases().get(n % hostCount) + "/r/" + n);
      }
      double ours = checkWithSkillshelf(web, urls, delay);
      System.out.printf("peak RSS: this JVM (broker, linkcheck, benchmark) %d MB; the simulated web's JVM %d MB%n",
          Figures.peakRssMb(), web.peakRssMb());
      if (linkcheckerLimit > 0) {
        web.reset();
        double theirs = linkchecker(urls, hostCount, Duration.ofSeconds(linkcheckerLimit), delay);
        WebProcess.Stats seen = web.stats();
        if (theirs > 0 && seen.requests() < links) {
          System.out.printf("linkchecker stopped after %.1f s having sent fewer requests than there are links; no ratio%n", theirs);
        } else if (theirs > 0) {
          report("linkchecker", theirs, seen, delay);
          System.out.printf("skillshelf's first (cold) cycle is %.1f× faster than linkchecker on the same list%n", theirs / ours);
        }
      }
    }
  }

  /**
   * Full cycles of one checker process. The first is cold: the links are published to a checker
   * that has checked nothing yet, so it includes the JIT's warm-up and the catalogue's arrival.
   * Then, cycle after cycle, the checker's clock leaps past every link's next check, so that all
   * links are due at once again. Cycle 2 is the first warm one; cycle 31, when every link's history
   * of checks is full, measures what a checker that has run a while does in a full cycle.
   * Returns the first cycle's seconds, the fair comparison with a link checker started afresh.
   */
  private static double checkWithSkillshelf(WebProcess web, List<String> urls, Duration delay) throws Exception {
    Path data = Files.createTempDirectory("skillshelf-linkbench");
    var config = SkillshelfConfig.fromEnvironment(Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", data.toString(),
        "SKILLSHELF_SERVICES", "linkcheck", "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8", "SKILLSHELF_CURATORS", "bench:bench",
        "SKILLSHELF_LINKCHECK_INTERVAL", INTERVAL.toString()));
    // No gap between requests to one host and no first-check spread: the per-host limit of 2 is the only brake.
    var tuning = new LinkcheckService.Tuning(Duration.ZERO, PER_HOST * web.bases().size(), Duration.ZERO);
    var clock = new LeapingClock();
    ServiceFactory linkcheck = ctx -> new LinkcheckService(new ServiceContext(ctx.config(), ctx.kafka(), ctx.publisher(),
        ctx.curators(), ctx.registry(), clock, ctx.taxonomy()), tuning);
    try (SkillshelfProcess process = SkillshelfProcess.start(config, Map.of(Service.LINKCHECK, linkcheck), Skillshelf::embeddedBroker)) {
      if (!process.awaitReady(Duration.ofMinutes(2))) {
        throw new IllegalStateException("not ready: " + process.health());
      }
      var clients = new KafkaClients(bootstrapOf(data), data.resolve("bench"), 0);
      try (var publisher = new EventPublisher(clients, "linkbench", new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
          var health = new KafkaConsumer<>(clients.reader("linkbench-health"), new StringDeserializer(), new ByteArrayDeserializer())) {
        // Every check's health: the link-health topic has only the changes, which a warm cycle has few of.
        List<TopicPartition> parts = health.partitionsFor(LinkcheckService.EVERY_CHECK_TOPIC).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        health.assign(parts);
        health.seekToBeginning(parts);
        System.out.printf("cycle 1, cold: %d links published to a checker that has checked nothing yet (host gap %s, global "
            + "concurrency %d)%n", urls.size(), tuning.hostGap(), tuning.globalConcurrency());
        double cold = cycle(urls.size(), health, web, () -> publish(publisher, urls), h -> h.lastCheckedAt() != null, true);
        report("skillshelf linkcheck, cycle 1 (cold)", cold, web.stats(), delay);
        Map<String, Long> offsets = printTopicOffsets(health, urls.size(), "cycle 1", Map.of());
        // Past the latest jittered next check (interval + 10 %) of every link: all are due at once.
        Duration leap = INTERVAL.plus(INTERVAL.dividedBy(5));
        List<Double> warm = new ArrayList<>();
        for (int n = 2; n <= STEADY_CYCLE; n++) {
          web.reset();
          Instant leapt = clock.leap(leap);
          boolean shown = n == 2 || n == STEADY_CYCLE;
          if (shown) {
            System.out.printf("cycle %d, warm: the checker's clock leapt %s ahead, so all %d links are due at once%s%n", n, leap,
                urls.size(), n == 2 ? "" : "; every link has " + LinkHealth.HISTORY + " checks of history now, as on a checker that has run a while");
          }
          double seconds = cycle(urls.size(), health, web, () -> {}, h -> h.lastCheckedAt() != null && !h.lastCheckedAt().isBefore(leapt),
              shown);
          warm.add(seconds);
          if (shown) {
            report("skillshelf linkcheck, cycle %d (warm)".formatted(n), seconds, web.stats(), delay);
            offsets = printTopicOffsets(health, urls.size(), "cycle " + n, offsets);
          } else {
            offsets = printTopicOffsets(health, urls.size(), "cycle %d (%.1f s)".formatted(n, seconds), offsets);
          }
        }
        System.out.printf("warm cycles 2 to %d: %s s%n", STEADY_CYCLE, warm.stream().map("%.1f"::formatted).toList());
        return cold;
      }
    }
  }

  private static void publish(EventPublisher publisher, List<String> urls) {
    Instant at = Instant.now();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int n = 0; n < urls.size(); n++) {
      String id = "b-%06d".formatted(n);
      sent.add(publisher.sendAsync(Topics.CATALOGUE, id, new CatalogueRecord(CatalogueRecord.VERSION, id, urls.get(n), "Lesson " + n,
          null, List.of(), null, "en", null, null, null, List.of(), null, null, null, List.of(), "", 0L, "bench", at, at)));
    }
    sent.forEach(f -> publisher.await(f, Topics.CATALOGUE));
  }

  /**
   * Starts a cycle and waits until every link has a health that {@code counts}; returns the
   * seconds taken, and prints where the time and the CPU went.
   */
  private static double cycle(int links, KafkaConsumer<String, byte[]> health, WebProcess web, Runnable start,
      Predicate<LinkHealth> counts, boolean shown) throws Exception {
    Duration cpu0 = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    ThreadCpu threads0 = ThreadCpu.now();
    long webCpu0 = web.stats().cpuMillis();
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    start.run();
    Map<String, LinkState> states = new ConcurrentHashMap<>();
    ScheduledExecutorService sampler = shown ? sampleEachSecond(web, states, t0) : null;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    StringBuilder timeline = new StringBuilder();
    int quarter = 0;
    while (states.size() < links && System.nanoTime() < deadline) {
      while (quarter < 4 && states.size() >= links * (quarter + 1) / 4) {
        timeline.append(String.format(" %d%% at %.1f s;", 25 * ++quarter, (System.nanoTime() - t0) / 1e9));
      }
      health.poll(Duration.ofMillis(100)).forEach(r -> {
        LinkHealth h = StoredHealth.decode(r.value());
        if (h != null && counts.test(h)) {
          states.put(r.key(), h.state());
        }
      });
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (sampler == null) {
      return seconds;
    }
    sampler.shutdownNow();
    WebProcess.Stats seen = web.stats();
    long startMicros = started.getEpochSecond() * 1_000_000 + started.getNano() / 1_000;
    System.out.printf("healths:%s 100%% at %.1f s; simulated hosts busy from %.1f s to %.1f s (the HTTP work: %.1f s)%n", timeline,
        seconds, (seen.firstMicros() - startMicros) / 1e6, (seen.lastMicros() - startMicros) / 1e6,
        (seen.lastMicros() - seen.firstMicros()) / 1e6);
    double cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(cpu0).toMillis() / 1000.0;
    double webCpu = (seen.cpuMillis() - webCpu0) / 1000.0;
    System.out.printf("CPU during the cycle: %.1f s in this JVM (checker, broker, benchmark), %.1f s in the simulated web's; "
        + "%.1f of %d cores busy on average; load average now %.1f (the machine is shared)%n", cpu, webCpu, (cpu + webCpu) / seconds,
        CORES, loadAverage());
    // Where the cycle is CPU-bound, this floor and not the per-host limit decides its length.
    System.out.printf("CPU per link: %.2f ms here and %.2f ms in the simulated web; with every core busy, that work alone takes "
        + "%.1f s on %d cores%n", cpu * 1000 / links, webCpu * 1000 / links, (cpu + webCpu) / CORES, CORES);
    System.out.println("CPU in this JVM by thread: " + ThreadCpu.now().since(threads0, 10));
    Map<LinkState, Integer> byState = new EnumMap<>(LinkState.class);
    states.values().forEach(s -> byState.merge(s, 1, Integer::sum));
    System.out.printf("links with a health: %d of %d, by state %s%n", states.size(), links, byState);
    return seconds;
  }

  /** The system clock, plus leaps forward on request: the checker's clock, so that the benchmark can make every link due. */
  private static final class LeapingClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    /** Moves the clock {@code by} ahead; returns the new time. */
    Instant leap(Duration by) {
      ahead = ahead.plus(by);
      return instant();
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /**
   * Prints once a second how busy the simulated web is: requests answered so far, requests in
   * flight across all hosts (at most hosts × 2), how many hosts have one in flight, and healths.
   */
  private static ScheduledExecutorService sampleEachSecond(WebProcess web, Map<String, LinkState> states, long t0) {
    var sampler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("bench-sampler").unstarted(r));
    sampler.scheduleAtFixedRate(() -> {
      try {
        WebProcess.Stats now = web.stats();
        System.out.printf("  t=%5.1f s: %6d requests, %3d in flight on %3d hosts, %5d healths%n", (System.nanoTime() - t0) / 1e9,
            now.requests(), now.inFlight(), now.busyHosts(), states.size());
      } catch (IOException e) {
        System.out.println("  (the simulated web did not answer: " + e.getMessage() + ")");
      }
    }, 1, 1, TimeUnit.SECONDS);
    return sampler;
  }

  /**
   * What the cycle wrote to Kafka: each topic's offsets in use per link. Offsets count transaction
   * markers too (one per partition per commit), so they are an upper bound on records.
   */
  private static Map<String, Long> printTopicOffsets(KafkaConsumer<String, byte[]> consumer, int links, String cycle,
      Map<String, Long> before) {
    Map<String, Long> byTopic = new java.util.TreeMap<>();
    List<TopicPartition> all = consumer.listTopics().values().stream().flatMap(List::stream)
        .filter(p -> !p.topic().startsWith("__")).map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.endOffsets(all).forEach((partition, end) -> byTopic.merge(partition.topic(), end, Long::sum));
    Map<String, Long> written = new java.util.TreeMap<>();
    byTopic.forEach((topic, end) -> written.put(topic, end - before.getOrDefault(topic, 0L)));
    StringBuilder line = new StringBuilder("Kafka offsets written per link in " + cycle + ":");
    written.forEach((topic, count) -> {
      if (count > 0) {
        line.append(String.format(" %s %.2f;", topic.replace("skillshelf.", "").replace("skillshelf-link-checks-", ""), count / (double) links));
      }
    });
    System.out.println(line.append(String.format(" total %.2f", written.values().stream().mapToLong(Long::longValue).sum() / (double) links)));
    return byTopic;
  }

  private static void report(String who, double seconds, WebProcess.Stats seen, Duration delay) {
    double bound = seen.busiest() / (double) PER_HOST * delay.toMillis() / 1000.0;
    System.out.printf("%s: one full cycle %.1f s; %d requests, busiest host %d, most at once on one host %d; "
        + "politeness bound %.2f s (busiest host's requests ÷ %d × %d ms); ratio %.2f (goal ≤ 1.5)%n",
        who, seconds, seen.requests(), seen.busiest(), seen.peak(), bound, PER_HOST, delay.toMillis(), seconds / bound);
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Runs linkchecker on a page listing every URL; returns the seconds taken, or -1 if it could not run or finish. */
  private static double linkchecker(List<String> urls, int hostCount, Duration limit, Duration delay) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "linkchecker-bench", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    StringBuilder page = new StringBuilder("<!doctype html><title>links</title><ul>\n");
    urls.forEach(u -> page.append("<li><a href=\"").append(u).append("\">").append(u).append("</a></li>\n"));
    Path list = Files.writeString(dir.resolve("links.html"), page.append("</ul>\n"));
    // linkchecker has no per-host concurrency limit, only a per-host request rate; 40/s is what two
    // requests at a time at 50 ms each allow; one thread per host. Its default parse limit (1 MiB)
    // would skip the list page, which is larger, and check nothing.
    Path rc = Files.writeString(dir.resolve("linkcheckerrc"), "[checking]\nmaxfilesizeparse=100000000\nthreads=" + hostCount
        + "\nmaxrequestspersecond=" + Math.max(1, PER_HOST * 1000 / delay.toMillis()) + "\n[filtering]\ncheckextern=1\n");
    List.of(list, rc).forEach(f -> f.toFile().setReadable(true, false));
    ProcessBuilder command = new ProcessBuilder("linkchecker", "-f", rc.toString(), "--check-extern", "--no-status", "--no-warnings",
        "-r", "1", "-o", "none", list.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile());
    System.out.println("linkchecker: " + String.join(" ", command.command()));
    long t0 = System.nanoTime();
    Process process;
    try {
      process = command.start();
    } catch (IOException e) {
      System.out.println("linkchecker could not be started (" + e.getMessage() + "); install it with apt-get install linkchecker");
      return -1;
    }
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      System.out.printf("linkchecker did not finish within %d s; stopped%n", limit.toSeconds());
      return -1;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("linkchecker exit code %d (1 means it found broken links); output in %s%n", process.exitValue(), dir);
    return seconds;
  }

  private static String bootstrapOf(Path data) throws IOException {
    var props = new java.util.Properties();
    try (InputStream in = Files.newInputStream(data.resolve("broker/broker.properties"))) {
      props.load(in);
    }
    return "127.0.0.1:" + props.getProperty("skillshelf.broker.port");
  }
}
