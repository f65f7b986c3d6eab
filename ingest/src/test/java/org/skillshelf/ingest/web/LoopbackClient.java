package org.skillshelf.ingest.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.skillshelf.kafka.Json;

/**
 * An HTTP client that connects from its own loopback address (127.0.0.2, .3, …) and keeps cookies,
 * never following redirects. The rate limit counts per client address, so each test gets a fresh
 * address and its own allowance.
 */
final class LoopbackClient {
  private static final int LARGE_BODY = 32 * 1024;

  private static final AtomicInteger NEXT = new AtomicInteger(2);

  private final HttpClient client;
  private final String base;
  private final @Nullable String authorization;
  final String address;

  private LoopbackClient(String base, @Nullable String authorization) {
    this.address = "127.0.0." + NEXT.getAndIncrement();
    try {
      this.client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.base = base;
    this.authorization = authorization;
  }

  static LoopbackClient anonymous(String base) {
    return new LoopbackClient(base, null);
  }

  static LoopbackClient curator(String base, String user, String password) {
    return new LoopbackClient(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  record Answer(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  /**
   * A body over 32 KB asks to continue first, as curl does for large ones: a server that refuses its
   * declared length answers before the body is sent. Without that, the refusal races the upload: the server
   * answers 413 and closes with the upload unread, its side resets the connection, and the reset
   * can discard the answer before the client has read it (a failure seen once on a loaded machine).
   */
  Answer post(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).expectContinue(body.length() > LARGE_BODY)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer postJson(String path, Object body) {
    try {
      return post(path, "application/json", body instanceof String s ? s : Json.mapper().writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
