package org.skillshelf.linkcheck.check;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;
import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.text.SimHash;

/**
 * Finds "soft 404s": pages that answer 200 but are really "not found" pages. Three signals, cheapest
 * first: "not found" wording in the title, the first heading or a short page's text (in several
 * languages); a deep link redirected to the site's home page; and, only when those did not decide,
 * a random sibling path on the same host that also answers 200 with near-identical text (sites that
 * answer every path with one page). The sibling's answer is cached per host, and checks of one host
 * running at once share one probe, so a host with many links costs one extra request per
 * {@code cacheFor}.
 *
 * <pre>{@code
 * Optional<String> why = SoftNotFound.byWordingOrRedirect(requested, result, page)
 *     .or(() -> softNotFound.bySibling(result.finalUri(), page));
 * }</pre>
 */
public final class SoftNotFound {
  /** Phrases of "not found" pages: en, de, fr, es, it, nl, pt, pl, sv, da, cs. */
  private static final List<String> WORDING = List.of("page not found", "not found", "error 404", "404 error", "page does not exist",
      "page doesn't exist", "no longer available", "cannot be found", "can't be found", "could not be found",
      "seite nicht gefunden", "nicht gefunden", "existiert nicht", "page introuvable", "page non trouvée",
      "n'existe pas", "n’existe pas", "página no encontrada", "no se encontró", "no existe", "pagina non trovata",
      "non trovata", "non esiste", "pagina niet gevonden", "niet gevonden", "bestaat niet", "página não encontrada",
      "não encontrada", "não existe", "nie znaleziono", "sidan hittades inte", "siden blev ikke fundet",
      "stránka nenalezena");
  /** Text longer than this is an article that may mention "not found", not a "not found" page. */
  private static final int SHORT_PAGE = 600;
  /** Sibling text at least this similar counts as the same page (SimHash; edits stay above 0.9). */
  private static final double SAME_PAGE = 0.94;

  private final PageFetch fetch;
  private final Clock clock;
  private final Duration cacheFor;
  private final RandomGenerator random;
  private final Map<String, Cached> siblings = new ConcurrentHashMap<>();

  private record Sibling(boolean answersEverything, long fingerprint, String title) {}

  private record Cached(CompletableFuture<Optional<Sibling>> sibling, Instant until) {}

  public SoftNotFound(PageFetch fetch, Clock clock, Duration cacheFor, RandomGenerator random) {
    this.fetch = fetch;
    this.clock = clock;
    this.cacheFor = cacheFor;
    this.random = random;
  }

  /** Signals (a) and (b): wording, or a deep link that landed on the home page. */
  public static Optional<String> byWordingOrRedirect(URI requested, FetchResult result, CheckedPage page) {
    if (isDeep(requested) && !result.redirects().isEmpty() && !isDeep(result.finalUri())) {
      return Optional.of("the link redirects to the site's home page");
    }
    String heading = page.lowerTitleAndHeading();
    String text = page.lowerText();
    if (saysWhole(heading.substring(0, Math.min(heading.length(), 4)), "404")) {
      return Optional.of("the page's title is \"404\"");
    }
    for (String phrase : WORDING) {
      if (saysWhole(heading, phrase) || text.length() <= SHORT_PAGE && saysWhole(text, phrase)) {
        return Optional.of("the page says \"" + phrase + "\"");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the phrase occurs as whole words: "error 404" in "Error 404 (Not Found)" but not in "Terror
   * 4040", "no
   * existe" but not in "no existence".
   */
  static boolean saysWhole(String text, String phrase) {
    for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      int end = at + phrase.length();
      boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startsWord && endsWord) {
        return true;
      }
    }
    return false;
  }

  /** Signal (c): a made-up path on the same host answers the same page. */
  public Optional<String> bySibling(URI finalUri, CheckedPage page) throws InterruptedException {
    if (!isDeep(finalUri) || finalUri.getHost() == null) {
      return Optional.empty();
    }
    Optional<Sibling> found = sibling(finalUri, finalUri.getHost() + ":" + finalUri.getPort());
    if (found.isEmpty() || !found.get().answersEverything()) {
      return Optional.empty();
    }
    Sibling sibling = found.get();
    boolean same = sibling.fingerprint() == page.fingerprint()
        || sibling.fingerprint() != 0 && page.fingerprint() != 0 && SimHash.similarity(sibling.fingerprint(), page.fingerprint()) >= SAME_PAGE;
    return same && sibling.title().equals(page.title())
        ? Optional.of("a made-up path on the same host answers the same page")
        : Optional.empty();
  }

  /**
   * The host's answer to a made-up path, fetched once however many of its links are checked at the
   * same moment: the first check fetches, the others wait for its answer (a big site's links
   * arrive together, and each would otherwise send its own probe).
   */
  private Optional<Sibling> sibling(URI finalUri, String host) throws InterruptedException {
    Instant now = clock.instant();
    CompletableFuture<Optional<Sibling>> mine = new CompletableFuture<>();
    Cached entry = siblings.compute(host, (key, old) ->
        old == null || !old.until().isAfter(now) ? new Cached(mine, now.plus(cacheFor)) : old);
    if (entry.sibling() == mine) {
      Optional<Sibling> fetched = Optional.empty();
      try {
        fetched = fetchSibling(finalUri);
      } finally {
        if (fetched.isEmpty()) {
          siblings.remove(host, entry); // no evidence either way: the next check of this host asks again
        }
        mine.complete(fetched);
      }
    }
    try {
      return entry.sibling().get();
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  private Optional<Sibling> fetchSibling(URI finalUri) throws InterruptedException {
    URI made = finalUri.resolve("/" + token() + "-" + token());
    try {
      FetchResult answer = fetch.fetch(FetchRequest.get(made));
      boolean ok = answer.status() >= 200 && answer.status() < 300;
      CheckedPage page = ok ? CheckedPage.parse(answer.text()) : CheckedPage.parse("");
      return Optional.of(new Sibling(ok, page.fingerprint(), page.title()));
    } catch (FetchFailure | HostBackingOff e) {
      return Optional.empty();
    }
  }

  private String token() {
    StringBuilder out = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  /** A link below the site root; a home page cannot be a "not found" page of itself. */
  static boolean isDeep(URI uri) {
    String path = uri.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return false;
    }
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return !List.of("/index.html", "/index.htm", "/index.php", "/home", "/en", "/en/", "/de", "/de/", "/fr", "/fr/")
        .contains(lower);
  }
}
