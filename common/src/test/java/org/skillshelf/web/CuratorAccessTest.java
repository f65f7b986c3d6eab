package org.skillshelf.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.skillshelf.web.html.Page;
import org.slf4j.LoggerFactory;

/**
 * Who may reach a curator route, on a real server with the login module: HTTP Basic, a login
 * session with its CSRF token, the cookies' flags with and without TLS in front, and the
 * Content-Security-Policy on every kind of response.
 */
class CuratorAccessTest {
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static WebServer server;
  private static String base;

  @BeforeAll
  static void start() {
    CuratorAccounts accounts = CuratorAccounts.of(Map.of("ada", "lovelace-1815"));
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    WebModule desk = config -> {
      config.routes.get("/api/desk", ctx -> ctx.json(Map.of("curator", accounts.requireCurator(ctx))));
      config.routes.post("/api/desk", ctx -> ctx.status(202).json(Map.of("curator", accounts.requireCurator(ctx))));
      config.routes.get("/desk", ctx -> Page.render(ctx, "Desk", "<h1>Desk of " + accounts.requireCuratorPage(ctx) + "</h1>"));
      config.routes.get("/public", ctx -> Page.render(ctx, "Public", "<h1>Open to all</h1>"));
    };
    server = WebServer.start("127.0.0.1", 0, registry, List.of(), List.of(new CuratorLogin(accounts, registry, Clock.systemUTC()), desk));
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anAnonymousApiCallGets401WithABasicChallenge() throws Exception {
    var answer = send(request("/api/desk").GET());
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
    assertThat(answer.body()).contains("\"code\":\"UNAUTHORIZED\"");
  }

  @Test
  void aWrongPasswordGets401() throws Exception {
    assertThat(send(request("/api/desk").header("Authorization", basic("ada", "babbage")).GET()).statusCode()).isEqualTo(401);
  }

  @Test
  void basicCredentialsChangeStateWithoutACsrfToken() throws Exception {
    var answer = send(request("/api/desk").header("Authorization", basic("ada", "lovelace-1815")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.body()).contains("\"curator\":\"ada\"");
  }

  @Test
  void basicCredentialsTheBrowserReplaysForAnotherSiteAreRefused() throws Exception {
    var answer = send(request("/api/desk").header("Authorization", basic("ada", "lovelace-1815")).header("Sec-Fetch-Site", "cross-site")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(answer.statusCode()).isEqualTo(403);
  }

  @Test
  void aSessionWithoutTheCsrfTokenGets403AndWithItGetsThrough() throws Exception {
    Session session = signIn(null);
    var refused = send(request("/api/desk").header("Cookie", session.cookies()).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"code\":\"CSRF\"");
    var accepted = send(request("/api/desk").header("Cookie", session.cookies()).header("X-CSRF-Token", session.csrf())
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(accepted.statusCode()).isEqualTo(202);
  }

  @Test
  void aSessionReadsWithoutTheCsrfToken() throws Exception {
    assertThat(send(request("/desk").header("Cookie", signIn(null).cookies()).GET()).body()).contains("Desk of ada");
  }

  @Test
  void aLoginFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
    var answer = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("name=ada&password=lovelace-1815")));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(CuratorLogin.COOKIE + "="));
  }

  @Test
  void aMalformedBasicHeaderGets401() throws Exception {
    for (String header : List.of("Basic !!!", "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
        "Bearer abc")) {
      assertThat(send(request("/api/desk").header("Authorization", header).GET()).statusCode()).as(header).isEqualTo(401);
    }
  }

  @Test
  void aFailedSignInLogsNeitherTheNameNorThePassword() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(CuratorLogin.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      var form = send(request("/login").GET());
      Matcher token = CSRF_FIELD.matcher(form.body());
      assertThat(token.find()).isTrue();
      var answer = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
          .header("Cookie", setCookie(form, "skillshelf_csrf").split(";", 2)[0])
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&name=ada-typo&password=correct-horse-9")));
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.body()).doesNotContain("correct-horse-9");
    } finally {
      logger.detachAppender(logged);
    }
    assertThat(logged.list).isNotEmpty().allSatisfy(event ->
        assertThat(event.getFormattedMessage()).doesNotContain("correct-horse-9").doesNotContain("ada-typo"));
  }

  @Test
  void overPlainHttpTheCookiesAreHttpOnlyAndSameSiteButNotSecure() throws Exception {
    Session session = signIn(null);
    assertThat(session.sessionCookie()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
        .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
    assertThat(session.csrfCookie()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
        .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
  }

  @Test
  void behindATlsProxyTheCookiesAreSecure() throws Exception {
    Session session = signIn("https");
    assertThat(session.sessionCookie()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Secure");
    assertThat(session.csrfCookie()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").containsIgnoringCase("Secure");
  }

  @Test
  void everyKindOfResponseSendsAContentSecurityPolicy() throws Exception {
    for (String path : List.of("/public", "/login", "/desk", "/api/desk", "/no-such-page", "/healthz", "/metrics", "/assets/review.js")) {
      var answer = send(request(path).GET());
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline"));
    }
  }

  /** The cookies and CSRF token of one signed-in browser. */
  private record Session(String sessionCookie, String csrfCookie, String csrf) {
    String cookies() {
      return sessionCookie.split(";", 2)[0] + "; " + csrfCookie.split(";", 2)[0];
    }
  }

  private static Session signIn(@Nullable String forwardedProto) throws Exception {
    HttpRequest.Builder form = request("/login").GET();
    if (forwardedProto != null) {
      form.header("X-Forwarded-Proto", forwardedProto);
    }
    var page = send(form);
    String csrfCookie = setCookie(page, "skillshelf_csrf");
    Matcher token = CSRF_FIELD.matcher(page.body());
    assertThat(token.find()).as("CSRF field on the login form").isTrue();
    HttpRequest.Builder login = request("/login").header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", csrfCookie.split(";", 2)[0])
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&name=ada&password=lovelace-1815&next=%2Fdesk"));
    if (forwardedProto != null) {
      login.header("X-Forwarded-Proto", forwardedProto);
    }
    var answer = send(login);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    return new Session(setCookie(answer, CuratorLogin.COOKIE), csrfCookie, token.group(1));
  }

  private static String setCookie(HttpResponse<String> answer, String name) {
    return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + answer.headers().map()));
  }

  private static String basic(String name, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
