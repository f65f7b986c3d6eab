package org.skillshelf.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Real pages served on several loopback hosts (127.0.0.41, .42, ...), so that link checks, which
 * Skillshelf partitions by host, spread over partitions and instances. {@code /page/N} answers page
 * N modulo the corpus; any other path is a 404, as a made-up path on a real site would be.
 */
final class PageWeb implements AutoCloseable {
  private final List<HttpServer> servers = new ArrayList<>();
  private static final int WRITE_SLICE = 16 * 1024;

  private final List<byte[]> pages;

  private PageWeb(List<byte[]> pages) {
    this.pages = List.copyOf(pages);
  }

  static PageWeb start(List<byte[]> pages, int hosts) {
    // The JDK's HttpServer leaves Nagle's algorithm on (about 10 ms a page on loopback); web
    // servers turn it off. Read once, before the server class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    PageWeb web = new PageWeb(pages);
    try {
      for (int h = 0; h < hosts; h++) {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + (41 + h)), 0), 256);
        server.createContext("/", web::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        web.servers.add(server);
      }
    } catch (IOException e) {
      web.close();
      throw new UncheckedIOException(e);
    }
    return web;
  }

  /** The URL of page n, on host n modulo the number of hosts. */
  String url(long n) {
    InetSocketAddress address = servers.get((int) (n % servers.size())).getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/page/" + n;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.matches("/page/\\d{1,18}")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = pages.get((int) (Long.parseLong(path.substring(6)) % pages.size()));
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      // One write of a whole page would make the JDK server grow that connection's buffer to twice
      // the page and keep it while the connection lives: with 64 kept-alive connections and pages
      // of up to 2.7 MB, about 150 MB of the soak's own heap that is no part of Skillshelf.
      var out = exchange.getResponseBody();
      for (int from = 0; from < body.length; from += WRITE_SLICE) {
        out.write(body, from, Math.min(WRITE_SLICE, body.length - from));
      }
    }
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
