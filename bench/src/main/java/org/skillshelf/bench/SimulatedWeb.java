package org.skillshelf.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The link-check benchmark's web, run as a process of its own as real sites are elsewhere: H hosts
 * on distinct loopback addresses (127.0.1.1 onwards), each its own HTTP server, every answer
 * delayed by the given time. A small lesson page for /r/N, 404 for anything else (robots.txt, the
 * soft-404 probe's made-up paths).
 *
 * <p>Protocol on standard input and output: it prints {@code base URL} for each host, then
 * {@code ready}; then answers each {@code stats} line with one {@code stats} line (see {@link
 * #stats()}) and each {@code reset} line with {@code ok}; it stops at the end of its input.
 *
 * <p>Arguments: hosts, answer delay in milliseconds.
 */
public final class SimulatedWeb {
  private static final Pattern LESSON = Pattern.compile("/r/\\d+");

  private final List<Host> hosts = new ArrayList<>();
  private final Duration delay;
  /** When any host first and last received a request (epoch microseconds). */
  private final AtomicLong firstRequest = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastRequest = new AtomicLong();

  /** One simulated host: its server and what it saw. */
  private record Host(HttpServer server, AtomicInteger requests, AtomicInteger inFlight, AtomicInteger peak) {}

  private SimulatedWeb(Duration delay) {
    this.delay = delay;
  }

  public static void main(String[] args) throws IOException {
    var web = new SimulatedWeb(Duration.ofMillis(Long.parseLong(args[1])));
    int count = Integer.parseInt(args[0]);
    for (int h = 0; h < count; h++) {
      Host host = web.serve(InetAddress.getByName("127.0.1." + (h + 1)));
      System.out.println("base http://" + host.server().getAddress().getAddress().getHostAddress() + ":"
          + host.server().getAddress().getPort());
    }
    System.out.println("ready");
    System.out.flush();
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      switch (line.strip()) {
        case "stats" -> System.out.println(web.stats());
        case "reset" -> {
          web.reset();
          System.out.println("ok");
        }
        default -> System.out.println("unknown command: " + line);
      }
      System.out.flush();
    }
    web.hosts.forEach(h -> h.server().stop(0));
  }

  private Host serve(InetAddress address) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 512);
    var host = new Host(server, new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
    server.createContext("/", exchange -> answer(exchange, host));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    hosts.add(host);
    return host;
  }

  /**
   * {@code stats requests inFlight busyHosts busiestHostRequests mostAtOnceOnOneHost firstMicros
   * lastMicros cpuMillis}: requests across all hosts, requests now in flight, hosts with one in
   * flight, the busiest host's requests, the most requests one host had at once, when the first
   * and last requests came (epoch microseconds, 0 when none) and this process's CPU time.
   */
  private String stats() {
    int requests = 0;
    int inFlight = 0;
    int busy = 0;
    int busiest = 0;
    int peak = 0;
    for (Host h : hosts) {
      requests += h.requests().get();
      inFlight += h.inFlight().get();
      busy += h.inFlight().get() > 0 ? 1 : 0;
      busiest = Math.max(busiest, h.requests().get());
      peak = Math.max(peak, h.peak().get());
    }
    long first = firstRequest.get() == Long.MAX_VALUE ? 0 : firstRequest.get();
    long cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis();
    return "stats %d %d %d %d %d %d %d %d".formatted(requests, inFlight, busy, busiest, peak, first, lastRequest.get(), cpu);
  }

  private void reset() {
    hosts.forEach(h -> {
      h.requests().set(0);
      h.peak().set(0);
    });
    firstRequest.set(Long.MAX_VALUE);
    lastRequest.set(0);
  }

  private void answer(HttpExchange exchange, Host host) throws IOException {
    host.requests().incrementAndGet();
    Instant at = Instant.now();
    long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    firstRequest.accumulateAndGet(micros, Math::min);
    lastRequest.accumulateAndGet(micros, Math::max);
    int now = host.inFlight().incrementAndGet();
    host.peak().accumulateAndGet(now, Math::max);
    boolean counted = true;
    try {
      Thread.sleep(delay); // the simulated site's answer time: the delay is what is being simulated
      // Counted out before answering: once the client has the answer it may send its next request
      // before this thread gets here, and that overlap is not two requests at once on the client's side.
      host.inFlight().decrementAndGet();
      counted = false;
      String path = exchange.getRequestURI().getPath();
      boolean page = LESSON.matcher(path).matches();
      byte[] body = (page ? "<!doctype html><title>Lesson " + path.substring(3) + "</title><main><h1>Lesson</h1><p>Checksums and "
          + "fixity keep a digital collection trustworthy; this lesson walks through them step by step.</p></main>"
          : "<!doctype html><title>Not found</title><h1>Not found</h1>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.getResponseHeaders().set("LinkChecker", "allowed"); // lets linkchecker go above 10 requests/s per host
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(page ? 200 : 404, head ? -1 : body.length);
      if (!head) {
        exchange.getResponseBody().write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (counted) {
        host.inFlight().decrementAndGet();
      }
      exchange.close();
    }
  }
}
