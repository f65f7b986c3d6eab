package org.skillshelf.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server whose routes misbehave on purpose: endless bodies, gzip bombs, silence,
 * redirect loops, flaky 503s. It counts every request, so tests can prove none arrived.
 */
final class MisbehavingServer implements AutoCloseable {
  private static final long GIGABYTE = 1024L * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final String host;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Map<String, AtomicInteger> hitsByPath = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);

  private MisbehavingServer(String host) throws IOException {
    this.host = host;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts on a loopback address such as 127.0.0.1, on a free port. */
  static MisbehavingServer startOn(String loopbackAddress) throws IOException {
    return new MisbehavingServer(loopbackAddress);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://" + host + ":" + port() + pathAndQuery);
  }

  int port() {
    return server.getAddress().getPort();
  }

  int requestCount() {
    return requests.get();
  }

  int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    int hit = hitsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      route(exchange, path, hit);
    } catch (IOException clientWentAway) {
      // Expected whenever the fetcher aborts a response it refused.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void route(HttpExchange exchange, String path, int hit) throws IOException, InterruptedException {
    switch (path) {
      case "/ok" -> send(exchange, 200, "text/html; charset=utf-8", "<html><title>Hello</title>ok</html>".getBytes(StandardCharsets.UTF_8));
      case "/windows-1252-header" -> send(exchange, 200, "text/html; charset=windows-1252", bytes("<p>café – naïve</p>", "windows-1252"));
      case "/windows-1252-meta" -> send(exchange, 200, "text/html",
          bytes("<html><head><meta charset=\"windows-1252\"></head><p>café – naïve</p></html>", "windows-1252"));
      case "/windows-1252-http-equiv" -> send(exchange, 200, "text/html", bytes(
          "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><p>café</p></html>", "windows-1252"));
      case "/utf-16-bom" -> send(exchange, 200, "text/html", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, bytes("<p>Grüße</p>", "UTF-16BE")));
      case "/chain/1" -> redirect(exchange, 301, "/chain/2");
      case "/chain/2" -> redirect(exchange, 302, "three");
      case "/chain/three" -> redirect(exchange, 303, uri("/ok").toString());
      case "/loop/a" -> redirect(exchange, 302, "/loop/b");
      case "/loop/b" -> redirect(exchange, 302, "/loop/a");
      case "/redirect" -> redirect(exchange, 302, query(exchange, "to"));
      case "/endless" -> endless(exchange);
      case "/bomb" -> gzipBomb(exchange);
      case "/declared-huge" -> declaredHuge(exchange);
      case "/redirect-with-long-body" -> {
        exchange.getResponseHeaders().set("Location", "/ok");
        send(exchange, 302, "text/html", new byte[256 * 1024]);
      }
      case "/gzip" -> compressed(exchange, "gzip");
      case "/deflate" -> compressed(exchange, "deflate");
      case "/gzip-undeclared" -> send(exchange, 200, "text/html", gzip("<p>compressed but not labelled so</p>"));
      case "/gzip-undeclared-damaged" -> send(exchange, 200, "text/html",
          java.util.Arrays.copyOf(gzip("<p>cut short</p>".repeat(50)), 30));
      case "/bomb-undeclared" -> {
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        gzipZeros(exchange.getResponseBody());
      }
      case "/silent" -> silent(exchange);
      case "/trickle" -> trickle(exchange);
      case "/flaky" -> send(exchange, hit == 1 ? 503 : 200, "text/plain", "flaky".getBytes(StandardCharsets.US_ASCII));
      case "/always-503" -> send(exchange, 503, "text/plain", "down".getBytes(StandardCharsets.US_ASCII));
      case "/throttled" -> throttled(exchange, hit == 1, "1");
      case "/throttled-for-an-hour" -> throttled(exchange, true, "3600");
      case "/missing" -> send(exchange, 404, "text/html", "<p>not here</p>".getBytes(StandardCharsets.US_ASCII));
      case "/busy" -> busy(exchange);
      case "/set-cookie" -> {
        exchange.getResponseHeaders().add("Set-Cookie", "session=secret; Path=/");
        send(exchange, 200, "text/plain", "cookie set".getBytes(StandardCharsets.US_ASCII));
      }
      case "/echo-headers" -> send(exchange, 200, "text/plain", echo(exchange));
      case "/pdf" -> send(exchange, 200, "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
      default -> hops(exchange, path);
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    send(exchange, status, "text/html", "<a>moved</a>".getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code /hops/N} redirects to {@code /hops/N-1}; {@code /hops/0} answers. */
  private void hops(HttpExchange exchange, String path) throws IOException {
    if (!path.startsWith("/hops/")) {
      send(exchange, 404, "text/plain", new byte[0]);
      return;
    }
    int remaining = Integer.parseInt(path.substring("/hops/".length()));
    if (remaining == 0) {
      send(exchange, 200, "text/plain", "arrived".getBytes(StandardCharsets.US_ASCII));
    } else {
      redirect(exchange, 302, "/hops/" + (remaining - 1));
    }
  }

  /** Zeros with no declared length and no end; stops when the client hangs up. */
  private static void endless(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    byte[] zeros = new byte[CHUNK];
    for (long sent = 0; sent < 2 * GIGABYTE; sent += CHUNK) {
      out.write(zeros);
    }
  }

  /** Announces 2 GB up front, then starts sending them. */
  private static void declaredHuge(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    exchange.sendResponseHeaders(200, 2 * GIGABYTE);
    byte[] zeros = new byte[CHUNK];
    for (long sent = 0; sent < 2 * GIGABYTE; sent += CHUNK) {
      exchange.getResponseBody().write(zeros);
    }
  }

  /** 1 GB of zeros gzip-compressed as it is sent (about 1 MB on the wire); never stored. */
  private static void gzipBomb(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    exchange.sendResponseHeaders(200, 0);
    gzipZeros(exchange.getResponseBody());
  }

  private static void gzipZeros(OutputStream body) throws IOException {
    try (GZIPOutputStream gzip = new GZIPOutputStream(body, CHUNK)) {
      byte[] zeros = new byte[CHUNK];
      for (long written = 0; written < GIGABYTE; written += CHUNK) {
        gzip.write(zeros);
      }
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return buffer.toByteArray();
  }

  private static void compressed(HttpExchange exchange, String coding) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = coding.equals("gzip") ? new GZIPOutputStream(buffer) : new DeflaterOutputStream(buffer)) {
      out.write(("<p>compressed with " + coding + "</p>").getBytes(StandardCharsets.US_ASCII));
    }
    exchange.getResponseHeaders().set("Content-Encoding", coding);
    send(exchange, 200, "text/html", buffer.toByteArray());
  }

  /** Sends nothing until the test ends. */
  private void silent(HttpExchange exchange) throws InterruptedException, IOException {
    released.await(20, TimeUnit.SECONDS);
    send(exchange, 200, "text/plain", "late".getBytes(StandardCharsets.US_ASCII));
  }

  /** A byte every 100 ms: never silent long enough for an idle timeout, never finished. */
  private void trickle(HttpExchange exchange) throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    while (!released.await(100, TimeUnit.MILLISECONDS)) {
      out.write('.');
      out.flush();
    }
  }

  private static void throttled(HttpExchange exchange, boolean refuse, String retryAfter) throws IOException {
    if (refuse) {
      exchange.getResponseHeaders().set("Retry-After", retryAfter);
      send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.US_ASCII));
    } else {
      send(exchange, 200, "text/plain", "welcome back".getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** Holds each request briefly, like a slow page, recording how many overlap. */
  private void busy(HttpExchange exchange) throws IOException, InterruptedException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(100);
    } finally {
      inFlight.decrementAndGet();
    }
    send(exchange, 200, "text/plain", "done".getBytes(StandardCharsets.US_ASCII));
  }

  /** The request's headers, one "name: value" a line, lower-case names, sorted. */
  private static byte[] echo(HttpExchange exchange) {
    StringBuilder lines = new StringBuilder();
    exchange.getRequestHeaders().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(header -> header.getValue().forEach(value ->
            lines.append(header.getKey().toLowerCase(java.util.Locale.ROOT)).append(": ").append(value).append('\n')));
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "/";
  }

  private static byte[] bytes(String text, String charset) {
    return text.getBytes(Charset.forName(charset));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
