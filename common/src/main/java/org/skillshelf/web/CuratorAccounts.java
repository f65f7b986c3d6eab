package org.skillshelf.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;

/**
 * The curator and operator accounts. Passwords are kept only as salted PBKDF2 hashes and compared in
 * constant time; they are never logged.
 *
 * <pre>{@code
 * CuratorAccounts accounts = CuratorAccounts.of(Map.of("ada", "s3cret"));
 * String curator = accounts.requireCurator(ctx); // 401 unless HTTP Basic or a login session names an account
 * }</pre>
 */
public final class CuratorAccounts {
  private static final int ITERATIONS = 60_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Hashed> accounts;

  private CuratorAccounts(Map<String, Hashed> accounts) {
    this.accounts = Map.copyOf(accounts);
  }

  public static CuratorAccounts of(Map<String, String> passwords) {
    Map<String, Hashed> hashed = new HashMap<>();
    passwords.forEach((name, password) -> hashed.put(name, Hashed.of(password)));
    return new CuratorAccounts(hashed);
  }

  /** A fresh random password for the all-in-one mode's {@code admin} account. */
  public static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public boolean verify(String name, String password) {
    Hashed hashed = accounts.get(name);
    // Hash even for unknown names so that timing does not reveal which names exist.
    Hashed subject = hashed != null ? hashed : Hashed.DUMMY;
    boolean matches = subject.matches(password);
    return hashed != null && matches;
  }

  /** The curator named by valid HTTP Basic credentials, if any. */
  public Optional<String> basicAuth(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String name = decoded.substring(0, colon);
    return verify(name, decoded.substring(colon + 1)) ? Optional.of(name) : Optional.empty();
  }

  /**
   * The authenticated curator, or a 401 asking for credentials. HTTP Basic needs nothing more; a
   * login session on a state-changing request must also carry the CSRF token (header {@code
   * X-CSRF-Token} or form field), because the browser sends the session cookie on its own.
   */
  public String requireCurator(Context ctx) {
    if (ctx.header("Authorization") != null) {
      Optional<String> basic = basicAuth(ctx);
      if (basic.isPresent()) {
        refuseCrossSite(ctx);
        return basic.get();
      }
    }
    Object session = ctx.attribute(SESSION_CURATOR);
    if (session instanceof String name) {
      if (changesState(ctx)) {
        Csrf.verify(ctx);
      }
      return name;
    }
    ctx.header("WWW-Authenticate", "Basic realm=\"Skillshelf curators\", charset=\"UTF-8\"");
    throw new ApiException(401, "UNAUTHORIZED", "Sign in as a curator to do this.");
  }

  /**
   * For HTML pages: the signed-in curator, or a redirect to the login form that comes back here
   * afterwards. State-changing requests are CSRF-checked as in {@link #requireCurator}.
   */
  public String requireCuratorPage(Context ctx) {
    Object session = ctx.attribute(SESSION_CURATOR);
    if (session instanceof String || ctx.header("Authorization") != null) {
      return requireCurator(ctx);
    }
    String back = ctx.method().name().equals("GET") ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : "/review";
    throw new SignInRequired("/login?next=" + Html.param(back));
  }

  private static boolean changesState(Context ctx) {
    return switch (ctx.method().name()) {
      case "GET", "HEAD", "OPTIONS" -> false;
      default -> true;
    };
  }

  /**
   * Browsers replay cached Basic credentials on their own, like cookies; a request the browser
   * itself marks as coming from another site is therefore refused. API clients send no such header.
   */
  private static void refuseCrossSite(Context ctx) {
    if (changesState(ctx) && "cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
      throw new ApiException(403, "CSRF", "A request from another site cannot act as a curator.");
    }
  }

  /** Request attribute under which a login session (when one exists) names the curator. */
  public static final String SESSION_CURATOR = "skillshelf.curator";

  private record Hashed(byte[] salt, byte[] hash) {
    static final Hashed DUMMY = of("not a password");

    static Hashed of(String password) {
      byte[] salt = new byte[16];
      RANDOM.nextBytes(salt);
      return new Hashed(salt, pbkdf2(password, salt));
    }

    boolean matches(String password) {
      return MessageDigest.isEqual(hash, pbkdf2(password, salt));
    }

    private static byte[] pbkdf2(String password, byte[] salt) {
      try {
        var spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
      }
    }
  }
}
