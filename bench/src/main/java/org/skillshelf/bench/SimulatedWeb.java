package org.skillshelf.bench;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The link-check benchmark's web, run as a process of its own as real sites are elsewhere: H hosts
 * on distinct loopback addresses (127.0.1.1 onwards), each its own listening socket speaking
 * HTTP/1.1 with keep-alive, every answer delayed by the given time. A small lesson page for /r/N,
 * 404 for anything else (robots.txt, the soft-404 probe's made-up paths).
 *
 * <p>All hosts are served by one thread with one selector, and a delayed answer is a deadline in
 * that thread's queue rather than a sleeping thread: the machine the benchmark runs on has two
 * cores shared with the checker, and a server that spends a thread hand-off, a timer and several
 * system calls per answer takes CPU the checker is being measured on. See {@link WebLoop}.
 *
 * <p>Protocol on standard input and output: it prints {@code base URL} for each host, then (after
 * a warm-up, see {@link #warmUp})
 * {@code ready}; then answers each {@code stats} line with one {@code stats} line (see {@link
 * #stats()}) and each {@code reset} line with {@code ok}; it stops at the end of its input.
 *
 * <p>Arguments: hosts, answer delay in milliseconds.
 */
public final class SimulatedWeb {
  /** Requests on each of the warm-up's connections, two per host: 20,000 in all for 200 hosts, as many as a cycle. */
  private static final int WARM_UP_PER_CONNECTION = 50;
  private final List<Host> hosts = new ArrayList<>();
  /** When any host first and last received a request (epoch microseconds). */
  private final AtomicLong firstRequest = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastRequest = new AtomicLong();

  /** One simulated host: its listening socket and what it saw. */
  record Host(ServerSocketChannel socket, AtomicInteger requests, AtomicInteger inFlight, AtomicInteger peak) {}

  private SimulatedWeb() {}

  public static void main(String[] args) throws IOException {
    var web = new SimulatedWeb();
    int count = Integer.parseInt(args[0]);
    Selector selector = Selector.open();
    for (int h = 0; h < count; h++) {
      Host host = web.listen(InetAddress.getByName("127.0.1." + (h + 1)), selector);
      InetSocketAddress address = (InetSocketAddress) host.socket().getLocalAddress();
      System.out.println("base http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }
    var loop = new WebLoop(selector, Duration.ofMillis(Long.parseLong(args[1])), web::received);
    Thread server = Thread.ofPlatform().name("simulated-web").daemon().start(loop);
    web.warmUp(WARM_UP_PER_CONNECTION);
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
    server.interrupt();
    selector.wakeup();
  }

  /**
   * Answers requests to itself, two connections to each host, before it reports ready: its own
   * JIT compilation is then done before the benchmark starts timing, as the real sites it stands
   * for spend none of the checker's CPU. Its counts are reset afterwards.
   */
  private void warmUp(int perConnection) throws IOException {
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (Host host : hosts) {
        InetSocketAddress to = (InetSocketAddress) host.socket().getLocalAddress();
        for (int lane = 0; lane < 2; lane++) {
          done.add(threads.submit(() -> {
            askRepeatedly(to, perConnection);
            return null;
          }));
        }
      }
      for (Future<?> each : done) {
        each.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IOException("the warm-up failed: " + e, e);
    }
    reset();
  }

  /** GETs and HEADs of lessons and of missing pages, one after another on one keep-alive connection. */
  private static void askRepeatedly(InetSocketAddress to, int requests) throws IOException {
    try (var socket = new Socket(to.getAddress(), to.getPort())) {
      var in = new BufferedInputStream(socket.getInputStream());
      var out = socket.getOutputStream();
      for (int i = 0; i < requests; i++) {
        String method = i % 5 == 4 ? "HEAD" : "GET";
        out.write((method + " " + (i % 10 == 9 ? "/missing" : "/r/" + i) + " HTTP/1.1\r\nHost: warm-up\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
          if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        if (method.equals("GET")) {
          in.skipNBytes(length);
        }
      }
    }
  }

  private static String readLine(BufferedInputStream in) throws IOException {
    var line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection closed in the middle of an answer");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private Host listen(InetAddress address, Selector selector) throws IOException {
    ServerSocketChannel socket = ServerSocketChannel.open();
    socket.bind(new InetSocketAddress(address, 0), 512);
    socket.configureBlocking(false);
    socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    var host = new Host(socket, new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
    socket.register(selector, SelectionKey.OP_ACCEPT, host);
    hosts.add(host);
    return host;
  }

  /** Counts a request as it arrives; the loop counts it out of {@code inFlight} just before answering. */
  private void received(Host host) {
    host.requests().incrementAndGet();
    Instant at = Instant.now();
    long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    firstRequest.accumulateAndGet(micros, Math::min);
    lastRequest.accumulateAndGet(micros, Math::max);
    int now = host.inFlight().incrementAndGet();
    host.peak().accumulateAndGet(now, Math::max);
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

  /** The answer to a request for {@code path}: a lesson page for /r/N, else a 404 page; no body for HEAD. */
  static byte[] answer(String method, String path, boolean close) {
    boolean page = isLesson(path);
    byte[] body = (page ? "<!doctype html><title>Lesson " + path.substring(3) + "</title><main><h1>Lesson</h1><p>Checksums and "
        + "fixity keep a digital collection trustworthy; this lesson walks through them step by step.</p></main>"
        : "<!doctype html><title>Not found</title><h1>Not found</h1>").getBytes(StandardCharsets.UTF_8);
    boolean head = method.equals("HEAD");
    // LinkChecker: allowed lets Debian's linkchecker go above 10 requests/s per host.
    String headers = (page ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nContent-Type: text/html; charset=utf-8\r\n"
        + "LinkChecker: allowed\r\nContent-Length: " + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
    byte[] start = headers.getBytes(StandardCharsets.US_ASCII);
    if (head) {
      return start;
    }
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  private static boolean isLesson(String path) {
    if (!path.startsWith("/r/") || path.length() == 3) {
      return false;
    }
    for (int i = 3; i < path.length(); i++) {
      if (path.charAt(i) < '0' || path.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
