package org.skillshelf.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skillshelf.kafka.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of a process: every service's {@link WebModule} plus {@code /healthz} and
 * {@code /metrics}, JSON errors in the contract's shape, security headers on every response and a
 * timer per route.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final String TIMER_START = "skillshelf.timer";
  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
      + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  private final Javalin javalin;

  private WebServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /** Starts serving on {@code host:port} (port 0 picks a free one). */
  public static WebServer start(String host, int port, PrometheusMeterRegistry registry,
      List<HealthCheck> checks, List<WebModule> modules) {
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.concurrency.useVirtualThreads = true;
      config.http.maxRequestSize = 6L * 1024 * 1024; // bulk imports (5 MB); routes set tighter limits of their own
      config.jsonMapper(new JavalinJackson(Json.mapper(), true));
      config.staticFiles.add(files -> {
        files.hostedPath = "/assets";
        files.directory = "/assets";
        files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
      });
      config.jetty.host = host;
      config.jetty.port = port;
      config.routes.before(ctx -> {
        ctx.attribute(TIMER_START, System.nanoTime());
        securityHeaders(ctx);
      });
      config.routes.after(ctx -> recordTiming(ctx, registry));
      config.routes.get("/healthz", ctx -> health(ctx, checks));
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
      config.routes.exception(ApiException.class, (e, ctx) -> {
        e.retryAfter().ifPresent(d -> ctx.header("Retry-After", String.valueOf(Math.max(1, d.toSeconds()))));
        ctx.status(e.status()).json(ErrorBody.of(e.code(), e.getMessage()));
      });
      config.routes.exception(SignInRequired.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.SEE_OTHER));
      config.routes.exception(JsonProcessingException.class, (e, ctx) ->
          ctx.status(400).json(ErrorBody.of("MALFORMED_JSON", "The body is not valid JSON: " + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"))));
      config.routes.exception(HttpResponseException.class, (e, ctx) ->
          ctx.status(e.getStatus()).json(ErrorBody.of(codeFor(e.getStatus()), e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
        ctx.status(500).json(ErrorBody.of("INTERNAL", "Something went wrong on our side; it has been logged."));
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          ctx.json(ErrorBody.of("NOT_FOUND", "There is nothing at " + ctx.path() + "."));
        }
      });
      config.routes.error(413, ctx -> ctx.json(ErrorBody.of("TOO_LARGE", "The request body is larger than allowed.")));
      modules.forEach(module -> module.mount(config));
    });
    javalin.start();
    return new WebServer(javalin);
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("X-Frame-Options", "DENY");
  }

  private static void recordTiming(Context ctx, PrometheusMeterRegistry registry) {
    Long start = ctx.attribute(TIMER_START);
    if (start == null) {
      return;
    }
    String route = ctx.endpoints().list().isEmpty() ? "unmatched" : ctx.endpoint().path;
    Timer.builder("http.server.requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", String.valueOf(ctx.statusCode()))
        .register(registry)
        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private static void health(Context ctx, List<HealthCheck> checks) {
    Map<String, Object> components = new LinkedHashMap<>();
    boolean up = true;
    for (HealthCheck check : checks) {
      boolean ok = check.isUp();
      up &= ok;
      components.put(check.name(), Map.of("status", ok ? "UP" : "DOWN", "state", check.state()));
    }
    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN", "components", components));
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 409 -> "CONFLICT";
      case 413 -> "TOO_LARGE";
      case 429 -> "RATE_LIMITED";
      default -> "HTTP_" + status;
    };
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
