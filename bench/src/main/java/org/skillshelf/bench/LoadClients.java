package org.skillshelf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;

/**
 * The submission benchmark's load clients, in a JVM of their own, as real clients are elsewhere:
 * their allocation and their garbage collections then do not land on the server under test. One
 * process serves every run of a benchmark, so its JIT warms up with the server's.
 *
 * <p>Protocol on standard input and output: {@code load URL SECONDS CLIENTS IDS_FILE|-} runs C
 * keep-alive clients against URL for S seconds and answers {@code result OK OTHER P50_MS P99_MS
 * CPU_NANOS}, having written the submission id of every 202 to IDS_FILE when one is named.
 */
public final class LoadClients {
  private static final Pattern SUBMISSION_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private LoadClients() {}

  public static void main(String[] args) throws Exception {
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    // Numbers the suggested URLs across all runs, so that none is sent twice (a URL sent again is a duplicate: other work).
    AtomicLong sequence = new AtomicLong();
    out.println("ready");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] f = line.split(" ");
      long cpu0 = Figures.processCpuNanos();
      Set<String> ids = ConcurrentHashMap.newKeySet();
      String result = run(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4].equals("-") ? null : ids, sequence);
      if (!f[4].equals("-")) {
        Files.write(Path.of(f[4]), ids);
      }
      out.println(result + " " + (Figures.processCpuNanos() - cpu0));
    }
  }

  /** One run; keeps the 202s' submission ids in {@code ids} unless it is null. */
  private static String run(String url, int seconds, int clients, @Nullable Set<String> ids, AtomicLong sequence)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<Latencies> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
      for (int c = 0; c < clients; c++) {
        Latencies mine = new Latencies();
        latencies.add(mine);
        threads.add(Thread.ofVirtual().start(() -> {
          while (System.nanoTime() < end) {
            String body = "{\"url\":\"http://127.0.0.1:9/bench/" + sequence.incrementAndGet() + "\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
              mine.add(System.nanoTime() - t0);
              if (response.statusCode() == 202) {
                ok.incrementAndGet();
                if (ids != null) {
                  Matcher id = SUBMISSION_ID.matcher(response.body());
                  ids.add(id.find() ? id.group(1) : response.body());
                }
              } else {
                other.incrementAndGet();
              }
            } catch (IOException e) {
              other.incrementAndGet();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }));
      }
      for (Thread t : threads) {
        t.join();
      }
    }
    long[] sorted = Figures.sorted(latencies.stream().flatMapToLong(Latencies::values).toArray());
    return String.format(java.util.Locale.ROOT, "result %d %d %.3f %.3f", ok.get(), other.get(), Figures.percentile(sorted, 0.50),
        Figures.percentile(sorted, 0.99));
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

    LongStream values() {
      return Arrays.stream(values, 0, size);
    }
  }
}
