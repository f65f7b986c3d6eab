package org.skillshelf.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing curators in and out with a form and a session cookie, for every process: {@code GET/POST
 * /login} and {@code POST /logout}, plus a filter that names the session's curator on each request
 * so that {@link CuratorAccounts#requireCurator} accepts sessions as well as HTTP Basic. Failed
 * logins are throttled per client address and per account; passwords are never logged.
 *
 * <pre>{@code
 * modules.add(new CuratorLogin(curators, registry, Clock.systemUTC()));
 * }</pre>
 */
public final class CuratorLogin implements WebModule {
  public static final String COOKIE = "skillshelf_session";
  private static final Logger LOG = LoggerFactory.getLogger(CuratorLogin.class);

  private final CuratorAccounts accounts;
  private final SessionStore sessions;
  private final LoginThrottle throttle;
  private final MeterRegistry registry;

  public CuratorLogin(CuratorAccounts accounts, MeterRegistry registry, Clock clock) {
    this(accounts, registry, new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), 10_000),
        new LoginThrottle(clock, 5, Duration.ofMinutes(5), 10_000));
  }

  public CuratorLogin(CuratorAccounts accounts, MeterRegistry registry, SessionStore sessions, LoginThrottle throttle) {
    this.accounts = accounts;
    this.registry = registry;
    this.sessions = sessions;
    this.throttle = throttle;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.before(this::resolveSession);
    config.routes.get("/login", ctx -> form(ctx, HttpStatus.OK, null));
    config.routes.post("/login", this::login);
    config.routes.post("/logout", this::logout);
  }

  private void resolveSession(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id != null && !id.isEmpty()) {
      sessions.curator(id).ifPresent(name -> ctx.attribute(CuratorAccounts.SESSION_CURATOR, name));
    }
  }

  private void login(Context ctx) {
    Csrf.verify(ctx);
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String addressKey = "address:" + ctx.ip();
    String accountKey = "account:" + name;
    Optional<Duration> wait = throttle.blockedFor(addressKey).or(() -> throttle.blockedFor(accountKey));
    if (wait.isPresent()) {
      count("throttled");
      ctx.header("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
      form(ctx, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins. Wait " + minutes(wait.get()) + " and try again.");
      return;
    }
    if (name.isEmpty() || !accounts.verify(name, password)) {
      throttle.failed(addressKey);
      throttle.failed(accountKey);
      count("failed");
      // Neither the name nor the password is logged: people type passwords into the name field.
      LOG.info("failed curator sign-in from {}", ctx.ip());
      form(ctx, HttpStatus.UNAUTHORIZED, "That name and password do not match a curator account.");
      return;
    }
    throttle.succeeded(accountKey);
    String previous = ctx.cookie(COOKIE);
    if (previous != null) {
      sessions.close(previous);
    }
    ctx.cookie(sessionCookie(ctx, sessions.open(name), -1));
    count("succeeded");
    ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    Csrf.verify(ctx);
    String id = ctx.cookie(COOKIE);
    if (id != null) {
      sessions.close(id);
    }
    ctx.cookie(sessionCookie(ctx, "", 0));
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private static Cookie sessionCookie(Context ctx, String value, int maxAge) {
    Cookie cookie = new Cookie(COOKIE, value);
    cookie.setHttpOnly(true);
    // Lax, not Strict: a curator following a link to /review/{id} from mail stays signed in.
    cookie.setSameSite(SameSite.LAX);
    cookie.setPath("/");
    cookie.setSecure(Csrf.isSecure(ctx));
    cookie.setMaxAge(maxAge);
    return cookie;
  }

  private void form(Context ctx, HttpStatus status, @Nullable String problem) {
    Object signedIn = ctx.attribute(CuratorAccounts.SESSION_CURATOR);
    String next = safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"));
    StringBuilder body = new StringBuilder("<h1>Curator sign-in</h1>");
    if (problem != null) {
      body.append("<p class=\"problem\" role=\"alert\">").append(Html.text(problem)).append("</p>");
    }
    if (signedIn instanceof String curator) {
      body.append("<p>You are signed in as <strong>").append(Html.text(curator)).append("</strong>.</p>")
          .append("<form method=\"post\" action=\"/logout\">").append(Csrf.field(ctx))
          .append("<button type=\"submit\">Sign out</button></form>");
    }
    body.append("<form method=\"post\" action=\"/login\" class=\"login\">").append(Csrf.field(ctx))
        .append("<input type=\"hidden\" name=\"next\" value=\"").append(Html.text(next)).append("\">")
        .append("<p><label for=\"name\">Name</label> <input id=\"name\" name=\"name\" autocomplete=\"username\" required></p>")
        .append("<p><label for=\"password\">Password</label> <input id=\"password\" name=\"password\" type=\"password\"")
        .append(" autocomplete=\"current-password\" required></p>")
        .append("<p><button type=\"submit\">Sign in</button></p></form>");
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    Page.render(ctx, "Sign in", body.toString());
  }

  /** Only a path on this site, so the login form cannot be used to send people elsewhere. */
  static String safeNext(@Nullable String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/review";
    }
    return next;
  }

  private static String minutes(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds());
    return seconds < 90 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
  }

  private void count(String outcome) {
    registry.counter("skillshelf.logins", "outcome", outcome).increment();
  }
}
