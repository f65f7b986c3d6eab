package org.skillshelf.web.html;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.skillshelf.web.ApiException;

/**
 * Cross-site request forgery protection for forms, by the double-submit pattern: a random token in
 * a {@code SameSite=Strict}, {@code HttpOnly} cookie and the same token in a hidden form field (or
 * an {@code X-CSRF-Token} header); a state-changing request whose two copies differ is refused with
 * 403. A site that cannot read our cookies cannot forge the field.
 *
 * <pre>{@code
 * "<form method=post>" + Csrf.field(ctx) + "...</form>"   // when rendering
 * Csrf.verify(ctx);                                       // first thing in the POST handler
 * }</pre>
 */
public final class Csrf {
  public static final String COOKIE = "skillshelf_csrf";
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  /** Request attribute holding a token issued during this request. */
  private static final String ISSUED = "skillshelf.csrf.issued";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  /** The token for this browser, set as a cookie on first use. */
  public static String token(Context ctx) {
    String existing = ctx.cookie(COOKIE);
    if (existing != null && existing.length() >= 32) {
      return existing;
    }
    // A page with several forms asks several times; on a first visit all must carry the one token
    // whose cookie is set, not each a new one (the last cookie set would win and the rest fail).
    if (ctx.attribute(ISSUED) instanceof String issued) {
      return issued;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Cookie cookie = new Cookie(COOKIE, token);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure(isSecure(ctx));
    ctx.cookie(cookie);
    ctx.attribute(ISSUED, token);
    return token;
  }

  /** The hidden input carrying the token. */
  public static String field(Context ctx) {
    return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + Html.text(token(ctx)) + "\">";
  }

  /** Refuses the request unless the form field or header matches the cookie. */
  public static void verify(Context ctx) {
    String cookie = ctx.cookie(COOKIE);
    String sent = ctx.header(HEADER);
    if (sent == null) {
      sent = ctx.formParam(FIELD);
    }
    if (cookie == null || sent == null
        || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(403, "CSRF", "This form has expired or did not come from Skillshelf; reload the page and try again.");
    }
  }

  /** Behind TLS (directly or via a proxy that says so), cookies are marked Secure. */
  public static boolean isSecure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
