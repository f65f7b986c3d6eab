package org.skillshelf.bench;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.Jsoup;
import org.skillshelf.app.Skillshelf;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.SkillshelfProcess;

/**
 * Enrichment end to end through Kafka: N enrichment requests for real pages served on loopback go
 * onto the requests topic, and the clock stops when N results are on the enriched topic. In the same
 * run, a bare jsoup parse of the same pages gives the ceiling to compare with.
 *
 * <p>Both sides are measured warm, in the same way: before its clock starts, each first handles
 * {@value #WARM_UP_PAGES} pages that are left out of its figures (the pipeline enriches them
 * under separate URLs and ids and waits for all of them on the enriched topic; the parse parses
 * them). Without that, the bare parse would be measured with its code compiled by the JIT and the
 * pipeline would pay for compiling its own inside the timing. The CPU per page of each side is
 * also taken over its timed part only.
 *
 * <p>Arguments: a folder of pages ({@code *.html} or {@code *.html.gz}, default the extraction
 * corpus) and the number of distinct URLs (default 2,000; pages repeat under different paths).
 */
public final class EnrichmentBenchmark {
  /** Pages each side handles before its timing starts, left out of its figures. */
  static final int WARM_UP_PAGES = 500;

  private EnrichmentBenchmark() {}

  /** Pages per second and process CPU per page over the timed part of one side. */
  private record Speed(double pagesPerSecond, double cpuMsPerPage) {}

  public static void main(String[] args) throws Exception {
    // The JDK's HttpServer leaves Nagle's algorithm on, so each response waits on the client's
    // delayed acknowledgement (about 10 ms a page on loopback); web servers turn it off, and the
    // benchmark should measure enrichment, not that wait. Read once, before the server class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path folder = Path.of(args.length > 0 ? args[0] : "../../shared/corpora/extraction-dev/html");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    List<byte[]> pages = load(folder);
    System.out.printf("enrichment benchmark: %d URLs over %d distinct pages from %s; %s%n", count, pages.size(), folder, Figures.machine());

    HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
    web.createContext("/", exchange -> {
      int n = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll("\\D", ""));
      byte[] body = pages.get(n % pages.size());
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    web.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    web.start();
    String base = "http://127.0.0.1:" + web.getAddress().getPort() + "/page/";

    Path data = Files.createTempDirectory("skillshelf-bench");
    var config = SkillshelfConfig.fromEnvironment(Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", data.toString(),
        "SKILLSHELF_SERVICES", "enrich", "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8", "SKILLSHELF_CURATORS", "bench:bench"));
    try (SkillshelfProcess process = SkillshelfProcess.start(config, Skillshelf.services(), Skillshelf::embeddedBroker)) {
      if (!process.awaitReady(Duration.ofMinutes(2))) {
        throw new IllegalStateException("not ready: " + process.health());
      }
      String bootstrap = bootstrapOf(data);
      var clients = new KafkaClients(bootstrap, data.resolve("bench"), 0);
      Speed endToEnd = runPipeline(clients, base, count);
      Speed bare = bareJsoup(pages, count);
      Timer tagging = process.registry().find("skillshelf.enrich.tagging.duration").timer();
      System.out.printf("both sides warmed up first with %d pages left out of the figures%n", WARM_UP_PAGES);
      System.out.printf("end to end through Kafka: %.1f pages/s%n", endToEnd.pagesPerSecond());
      System.out.printf("bare jsoup parse:         %.1f pages/s%n", bare.pagesPerSecond());
      System.out.printf("ratio:                    %.3f (goal >= 0.25)%n", endToEnd.pagesPerSecond() / bare.pagesPerSecond());
      // CPU time of the whole process per page (broker, page server and JIT included): on a
      // machine shared with other work, a steadier figure than pages per second.
      System.out.printf("process CPU per page:     %.2f ms end to end, %.2f ms bare parse%n",
          endToEnd.cpuMsPerPage(), bare.cpuMsPerPage());
      if (tagging != null) {
        System.out.printf("tagging per resource:     mean %.2f ms, max %.2f ms over %d resources%n",
            tagging.mean(TimeUnit.MILLISECONDS), tagging.max(TimeUnit.MILLISECONDS), tagging.count());
      }
      System.out.printf("peak RSS:                 %d MB (heap max %d MB)%n", Figures.peakRssMb(), Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      web.stop(0);
    }
  }

  private static Speed runPipeline(KafkaClients clients, String base, int count) {
    try (var producer = new KafkaProducer<>(clients.producer("bench-producer"), new StringSerializer(), Topics.ENRICHMENT_REQUESTS.serde().serializer());
        var consumer = new KafkaConsumer<>(clients.reader("bench-reader"), new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(Topics.ENRICHED.name()).stream()
          .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      // Warm-up pages have their own paths, ids and (unshared) fingerprints; none is timed.
      enrich(producer, consumer, "warm", base + "warm-", Math.min(WARM_UP_PAGES, count));
      long cpu = Figures.processCpuNanos();
      long start = System.nanoTime();
      int enriched = enrich(producer, consumer, "bench", base, count);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Speed(enriched / seconds, (Figures.processCpuNanos() - cpu) / 1e6 / Math.max(1, enriched));
    }
  }

  /** Sends {@code count} requests with ids prefix0.. and waits for their results; gives how many came. */
  private static int enrich(KafkaProducer<String, EnrichmentRequest> producer, KafkaConsumer<String, byte[]> consumer,
      String prefix, String urlBase, int count) {
    for (int i = 0; i < count; i++) {
      String id = prefix + i;
      producer.send(new ProducerRecord<>(Topics.ENRICHMENT_REQUESTS.name(), id,
          new EnrichmentRequest(1, id, urlBase + i, id + ".s", List.of(), null, null, Instant.now())));
    }
    producer.flush();
    Set<String> seen = new HashSet<>();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (seen.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(r -> {
        if (r.key().startsWith(prefix)) {
          seen.add(r.key());
        }
      });
    }
    if (seen.size() < count) {
      System.out.printf("only %d of %d %s pages enriched within the deadline%n", seen.size(), count, prefix);
    }
    return seen.size();
  }

  private static Speed bareJsoup(List<byte[]> pages, int count) {
    long checksum = 0;
    for (int warm = 0; warm < Math.min(WARM_UP_PAGES, count); warm++) {
      checksum += Jsoup.parse(new String(pages.get(warm % pages.size()), StandardCharsets.UTF_8)).text().length();
    }
    long cpu = Figures.processCpuNanos();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      checksum += Jsoup.parse(new String(pages.get(i % pages.size()), StandardCharsets.UTF_8)).text().length();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (checksum == 42) {
      System.out.println();
    }
    return new Speed(count / seconds, (Figures.processCpuNanos() - cpu) / 1e6 / count);
  }

  private static String bootstrapOf(Path data) throws IOException {
    var props = new java.util.Properties();
    try (InputStream in = Files.newInputStream(data.resolve("broker/broker.properties"))) {
      props.load(in);
    }
    return "127.0.0.1:" + props.getProperty("skillshelf.broker.port");
  }

  static List<byte[]> load(Path folder) throws IOException {
    List<byte[]> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".html.gz")) {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(file)); var out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            pages.add(out.toByteArray());
          }
        } else if (name.endsWith(".html")) {
          pages.add(Files.readAllBytes(file));
        }
      }
    }
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("no .html or .html.gz pages in " + folder);
    }
    return pages;
  }
}
