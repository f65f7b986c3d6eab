package org.skillshelf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
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
 * 202 and does nothing. Both are warmed up first, uncounted, until the JIT has settled. The
 * clients run in a JVM of their own ({@link LoadClients}). Afterwards every 202's submission id is
 * looked up in the submissions topic, which must hold each exactly once.
 *
 * <p>Arguments: seconds (default 60), clients (default 64).
 */
public final class SubmissionBenchmark {
  /** Warm-up goes on in steps of this many seconds... */
  private static final int WARM_UP_STEP = 5;
  /** ...until the JIT compiles for less than this many milliseconds a second (2 % of one core)... */
  private static final int SETTLED_COMPILE_MS_PER_SECOND = 20;
  /** ...or for at most this long. */
  private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);

  private SubmissionBenchmark() {}

  /** What one load run produced. */
  record Run(int ok, int other, double perSecond, double p50, double p99, Set<String> ids, double cpuMsPerAnswer,
      double clientCpuMsPerAnswer, String cpuByThread) {}

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
      try (Clients load = Clients.start(clients)) {
        warmUp(load, base + "/api/submissions");
        warmUp(load, base + "/bench/bare");
        report(data, load(load, base + "/api/submissions", seconds, true), load(load, base + "/bench/bare", seconds, false));
      }
    }
  }

  private static void report(Path data, Run api, Run bareRun) throws Exception {
    System.out.printf("POST /api/submissions: %8.0f accepted/s  p50 %6.2f ms  p99 %6.2f ms  (%d accepted, %d other)%n",
        api.perSecond(), api.p50(), api.p99(), api.ok(), api.other());
    System.out.printf("bare 202 endpoint:     %8.0f answers/s   p50 %6.2f ms  p99 %6.2f ms%n", bareRun.perSecond(), bareRun.p50(), bareRun.p99());
    // CPU time per answer: on a machine shared with other work, a steadier figure than answers per second.
    System.out.printf("server CPU per answer: %.3f ms (submissions) vs %.3f ms (bare); the load clients' %.3f vs %.3f ms%n",
        api.cpuMsPerAnswer(), bareRun.cpuMsPerAnswer(), api.clientCpuMsPerAnswer(), bareRun.clientCpuMsPerAnswer());
    // Virtual threads (the server's request handlers) show as their carriers, ForkJoinPool-N-worker-N.
    System.out.println("server CPU by thread, submissions: " + api.cpuByThread());
    System.out.println("server CPU by thread, bare:        " + bareRun.cpuByThread());
    System.out.printf("ratio accepted/bare:   %.3f (goal >= 0.30); p99 goal < 50 ms%n", api.perSecond() / bareRun.perSecond());
    int[] counts = countInTopic(data, api.ids());
    System.out.printf("202s found in the submissions topic: %d of %d exactly once, %d more than once, %d missing%n",
        counts[0], api.ids().size(), counts[1], counts[2]);
    System.out.printf("peak RSS of the server's JVM: %d MB%n", Figures.peakRssMb());
  }

  /**
   * Loads an endpoint, uncounted, until the JIT compiler has settled: the process holds a broker,
   * a Streams app and a web server, whose compilation takes the better part of a minute of CPU,
   * and a measurement taken meanwhile would charge it to whichever endpoint ran first.
   */
  private static void warmUp(Clients clients, String url) throws IOException {
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    long start = System.nanoTime();
    long compiled;
    do {
      long before = jit.getTotalCompilationTime();
      load(clients, url, WARM_UP_STEP, false);
      compiled = jit.getTotalCompilationTime() - before;
    } while (compiled > WARM_UP_STEP * SETTLED_COMPILE_MS_PER_SECOND && System.nanoTime() - start < WARM_UP_LIMIT.toNanos());
    System.out.printf("warm-up of %s: %.0f s, until the JIT compiled for %d ms in the last %d s%n", url.replaceAll("^.*?//[^/]+", ""),
        (System.nanoTime() - start) / 1e9, compiled, WARM_UP_STEP);
  }

  /** One load run by the clients' process; the server's CPU and threads are read here, the clients' there. */
  private static Run load(Clients clients, String url, int seconds, boolean keepIds) throws IOException {
    long cpuStart = Figures.processCpuNanos();
    ThreadCpu threadsAtStart = ThreadCpu.now();
    Path idsFile = keepIds ? Files.createTempFile("submission-ids", ".txt") : null;
    String[] f = clients.run(url, seconds, idsFile).split(" ");
    int ok = Integer.parseInt(f[1]);
    int other = Integer.parseInt(f[2]);
    int answers = Math.max(1, ok + other);
    Set<String> ids = idsFile == null ? Set.of() : Set.copyOf(Files.readAllLines(idsFile));
    if (idsFile != null) {
      Files.delete(idsFile);
    }
    return new Run(ok, other, ok / (double) seconds, Double.parseDouble(f[3]), Double.parseDouble(f[4]), ids,
        (Figures.processCpuNanos() - cpuStart) / 1e6 / answers, Long.parseLong(f[5]) / 1e6 / answers, ThreadCpu.now().since(threadsAtStart, 8));
  }

  /** The load clients' JVM ({@link LoadClients}), started once and given one run at a time. */
  private record Clients(ChildJvm jvm, int count) implements AutoCloseable {
    static Clients start(int count) throws IOException {
      ChildJvm jvm = ChildJvm.start(LoadClients.class, "1g");
      if (!"ready".equals(jvm.out().readLine())) {
        throw new IOException("the load clients' JVM did not start");
      }
      return new Clients(jvm, count);
    }

    String run(String url, int seconds, @Nullable Path ids) throws IOException {
      jvm.in().println("load " + url + " " + seconds + " " + count + " " + (ids == null ? "-" : ids.toString()));
      String answer = jvm.out().readLine();
      if (answer == null || !answer.startsWith("result ")) {
        throw new IOException("the load clients' JVM answered " + answer);
      }
      return answer;
    }

    @Override
    public void close() {
      jvm.close();
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
