package org.skillshelf.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small web of pages served on a loopback address, for tests that fetch and check real URLs.
 * Pages can be added, changed or removed while it runs; every request is counted per path.
 *
 * <pre>{@code
 * try (var web = TestWeb.start()) {
 *   web.page("/guide", "text/html", "<title>A guide</title>");
 *   URI uri = web.uri("/guide");
 * }
 * }</pre>
 */
public final class TestWeb implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Response> pages = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  /** What a path answers. */
  public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {}

  private TestWeb(HttpServer server) {
    this.server = server;
  }

  public static TestWeb start() {
    return start("127.0.0.1");
  }

  /** Serves on the given loopback address (any of 127.0.0.0/8), on a free port. */
  public static TestWeb start(String loopbackAddress) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 64);
      TestWeb web = new TestWeb(server);
      server.createContext("/", web::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return web;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TestWeb page(String path, String contentType, String body) {
    return respond(path, new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of()));
  }

  public TestWeb html(String path, String title, String paragraph) {
    return page(path, "text/html; charset=utf-8", "<!doctype html><html lang=\"en\"><head><title>" + title
        + "</title><meta name=\"description\" content=\"" + paragraph + "\"></head><body><main><h1>" + title
        + "</h1><p>" + paragraph + "</p><p>" + paragraph + "</p></main></body></html>");
  }

  public TestWeb respond(String path, Response response) {
    pages.put(path, response);
    return this;
  }

  public TestWeb remove(String path) {
    pages.remove(path);
    return this;
  }

  public int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  public String url(String path) {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
  }

  public java.net.URI uri(String path) {
    return java.net.URI.create(url(path));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Response response = pages.get(path);
    if (response == null) {
      response = new Response(404, "text/html; charset=utf-8", "<title>Not found</title>".getBytes(StandardCharsets.UTF_8), Map.of());
    }
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length == 0 ? -1 : response.body().length);
    if (!head && response.body().length > 0) {
      exchange.getResponseBody().write(response.body());
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
