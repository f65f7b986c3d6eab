package org.skillshelf.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.skillshelf.app.Skillshelf;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.web.WebModule;

/**
 * {@code POST /api/submissions} under load: C concurrent keep-alive clients for S seconds against
 * the ingest service, then the same load against a bare endpoint in the same server that answers
 * 202 and does nothing. Both are warmed up first, uncounted, until the JIT has settled.
 * Afterwards every 202's submission id is looked up in the submissions topic, which must hold
 * each exactly once.
 *
 * <p>Arguments: seconds (default 60), clients (default 64).
 */
public final class SubmissionBenchmark {
  /** Compiled once: the load clients' own work is measured with the server's, so they do no more than they must. */
  /** Numbers the suggested URLs across all runs, so that none is sent twice. */
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final Pattern SUBMISSION_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  /** Warm-up goes on in steps of this many seconds... */
  private static final int WARM_UP_STEP = 5;
  /** ...until the JIT compiles for less than this many milliseconds a second (2 % of one core)... */
  private static final int SETTLED_COMPILE_MS_PER_SECOND = 20;
  /** ...or for at most this long. */
  private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);

  private SubmissionBenchmark() {}

  /** What one load run produced. */
  record Run(int ok, int other, double perSecond, double p50, double p99, Set<String> ids, double cpuMsPerAnswer,
      String cpuByThread) {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    Path data = Files.createTempDirectory("skillshelf-bench");
    var config = SkillshelfConfig.fromEnvironment(Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", data.toString(),
        "SKILLSHELF_SERVICES", "ingest", "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8", "SKILLSHELF_SUBMIT_RATE", "0",
        "SKILLSHELF_CURATORS", "bench:bench"));
    WebModule bare = cfg -> cfg.routes.post("/bench/bare", ctx -> ctx.status(202).result("{}"));
    try (SkillshelfProcess process = SkillshelfProcess.start(config, Skillshelf.services(), Skillshelf::embeddedBroker, List.of(bare))) {
      if (!process.awaitReady(Duration.ofMinutes(2))) {
        throw new IllegalStateException("not ready: " + process.health());
      }
      System.out.printf("submission benchmark: %d s at %d keep-alive clients on loopback; %s%n", seconds, clients, Figures.machine());
      String base = process.baseUrl();
      warmUp(base + "/api/submissions", clients);
      warmUp(base + "/bench/bare", clients);
      Run api = load(base + "/api/submissions", seconds, clients, true);
      Run bareRun = load(base + "/bench/bare", seconds, clients, false);
      System.out.printf("POST /api/submissions: %8.0f accepted/s  p50 %6.2f ms  p99 %6.2f ms  (%d accepted, %d other)%n",
          api.perSecond(), api.p50(), api.p99(), api.ok(), api.other());
      System.out.printf("bare 202 endpoint:     %8.0f answers/s   p50 %6.2f ms  p99 %6.2f ms%n", bareRun.perSecond(), bareRun.p50(), bareRun.p99());
      // CPU time of this process (server, broker and the load clients together) per answer: on a
      // machine shared with other work, a steadier figure than answers per second.
      System.out.printf("process CPU per answer: %.3f ms (submissions) vs %.3f ms (bare)%n", api.cpuMsPerAnswer(), bareRun.cpuMsPerAnswer());
      // Virtual threads (the server's request handlers and the load clients alike) show as their carriers, ForkJoinPool-N-worker-N.
      System.out.println("CPU by thread, submissions: " + api.cpuByThread());
      System.out.println("CPU by thread, bare:        " + bareRun.cpuByThread());
      System.out.printf("ratio accepted/bare:   %.3f (goal >= 0.30); p99 goal < 50 ms%n", api.perSecond() / bareRun.perSecond());
      int[] counts = countInTopic(data, api.ids());
      System.out.printf("202s found in the submissions topic: %d of %d exactly once, %d more than once, %d missing%n",
          counts[0], api.ids().size(), counts[1], counts[2]);
      System.out.printf("peak RSS: %d MB%n", Figures.peakRssMb());
    }
  }

  /**
   * Loads an endpoint, uncounted, until the JIT compiler has settled: the process holds a broker,
   * a Streams app and a web server, whose compilation takes the better part of a minute of CPU,
   * and a measurement taken meanwhile would charge it to whichever endpoint ran first.
   */
  private static void warmUp(String url, int clients) throws InterruptedException {
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    long start = System.nanoTime();
    long compiled;
    do {
      long before = jit.getTotalCompilationTime();
      load(url, WARM_UP_STEP, clients, false);
      compiled = jit.getTotalCompilationTime() - before;
    } while (compiled > WARM_UP_STEP * SETTLED_COMPILE_MS_PER_SECOND && System.nanoTime() - start < WARM_UP_LIMIT.toNanos());
    System.out.printf("warm-up of %s: %.0f s, until the JIT compiled for %d ms in the last %d s%n", url.replaceAll("^.*?//[^/]+", ""),
        (System.nanoTime() - start) / 1e9, compiled, WARM_UP_STEP);
  }

  /**
   * One load run. Every suggestion names a new URL (the sequence runs across runs: a URL sent again
   * would be a duplicate, which is other work), and the clients keep little in the heap they share
   * with the server: latencies in growing arrays, submission ids only when asked for.
   */
  private static Run load(String url, int seconds, int clients, boolean keepIds) throws InterruptedException {
    long cpuStart = Figures.processCpuNanos();
    ThreadCpu threadsAtStart = ThreadCpu.now();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Latencies> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
      for (int c = 0; c < clients; c++) {
        Latencies mine = new Latencies();
        latencies.add(mine);
        threads.add(Thread.ofVirtual().start(() -> {
          while (System.nanoTime() < end) {
            String body = "{\"url\":\"http://127.0.0.1:9/bench/" + SEQUENCE.incrementAndGet() + "\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
              mine.add(System.nanoTime() - t0);
              if (response.statusCode() == 202) {
                ok.incrementAndGet();
                if (keepIds) {
                  Matcher id = SUBMISSION_ID.matcher(response.body());
                  ids.add(id.find() ? id.group(1) : response.body());
                }
              } else {
                other.incrementAndGet();
              }
            } catch (Exception e) {
              other.incrementAndGet();
            }
          }
        }));
      }
      for (Thread t : threads) {
        t.join();
      }
    }
    long[] all = latencies.stream().flatMapToLong(Latencies::values).toArray();
    long[] sorted = Figures.sorted(all);
    double cpuMs = (Figures.processCpuNanos() - cpuStart) / 1e6 / Math.max(1, ok.get() + other.get());
    return new Run(ok.get(), other.get(), ok.get() / (double) seconds, Figures.percentile(sorted, 0.50), Figures.percentile(sorted, 0.99),
        ids, cpuMs, ThreadCpu.now().since(threadsAtStart, 8));
  }

  /** One client's request latencies, in nanoseconds. */
  private static final class Latencies {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    java.util.stream.LongStream values() {
      return Arrays.stream(values, 0, size);
    }
  }

  /** Exactly once, more than once, missing. */
  private static int[] countInTopic(Path data, Set<String> ids) throws Exception {
    var props = new java.util.Properties();
    try (var in = Files.newInputStream(data.resolve("broker/broker.properties"))) {
      props.load(in);
    }
    var clients = new KafkaClients("127.0.0.1:" + props.getProperty("skillshelf.broker.port"), data.resolve("bench"), 0);
    Map<String, Integer> seen = new HashMap<>();
    try (var consumer = new KafkaConsumer<>(clients.reader("bench-count"), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBMISSIONS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          SubmissionReceived s = Topics.SUBMISSIONS.serde().deserializer().deserialize(r.topic(), r.value());
          if (s != null) {
            seen.merge(s.submissionId(), 1, Integer::sum);
          }
        });
      }
    }
    int once = 0;
    int more = 0;
    int missing = 0;
    for (String id : ids) {
      int n = seen.getOrDefault(id, 0);
      if (n == 1) {
        once++;
      } else if (n > 1) {
        more++;
      } else {
        missing++;
      }
    }
    return new int[] {once, more, missing};
  }
}
