package org.skillshelf.linkcheck.check;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.linkcheck.schedule.LinkCheckRequest;
import org.skillshelf.text.Sha256;

/**
 * Checks one link once. A link that looks like a page is fetched with GET straight away, because a
 * soft 404 or a replaced page can only be told from its content and a HEAD before it would be a
 * second request to the host for nothing. A link to a file (a PDF, a video, an archive: told by
 * its extension) gets HEAD first, which is cheap for both sides, and GET only when the server
 * refuses or mishandles HEAD, or when HEAD says it is an HTML page after all. Then a
 * classification of what came back into the contract's outcomes, with {@link BotWall}, {@link
 * SoftNotFound} and {@link ContentDrift}. A page whose bytes are those the last check found fine
 * is not read again: it would give the same verdict, and reading it is most of a check's work.
 */
public final class LinkProbe {
  /** Statuses after which a HEAD answer is not trusted and GET is tried. */
  private static final Set<Integer> HEAD_UNRELIABLE = Set.of(400, 403, 404, 405, 406, 429, 500, 501, 502, 503);
  /** Extensions of files that are not pages, whose bodies are not worth reading to check the link. */
  private static final Set<String> FILE_EXTENSIONS = Set.of("pdf", "epub", "mobi", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar",
      "tar", "iso", "dmg", "exe", "msi", "deb", "rpm", "jar", "apk", "mp4", "m4v", "webm", "mkv", "mov", "avi", "mp3", "m4a",
      "ogg", "wav", "flac", "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "ppt", "pptx", "doc", "docx", "xls", "xlsx",
      "odt", "odp", "ods", "csv", "ipynb", "json", "txt");

  private final PageFetch fetch;
  private final SoftNotFound softNotFound;
  private final @Nullable RobotsTxt robots;
  private final Clock clock;

  /** A probe that ignores robots.txt. */
  public LinkProbe(PageFetch fetch, SoftNotFound softNotFound, Clock clock) {
    this(fetch, softNotFound, null, clock);
  }

  /** @param robots the robots.txt rules to obey, or null to ignore robots.txt */
  public LinkProbe(PageFetch fetch, SoftNotFound softNotFound, @Nullable RobotsTxt robots, Clock clock) {
    this.fetch = fetch;
    this.softNotFound = softNotFound;
    this.robots = robots;
    this.clock = clock;
  }

  /**
   * A check's result, and the digest of the page when the check found it fine (0 otherwise), for
   * the next check's {@link LinkCheckRequest#knownGoodBody()}.
   */
  public record Probed(LinkCheck check, long goodBody) {}

  /** Checks the link; throws only when the host asked us to stay away (the check is tried again later). */
  public Probed check(LinkCheckRequest request) throws HostBackingOff, InterruptedException {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    URI uri = URI.create(request.url());
    Optional<String> refused = robots == null ? Optional.empty() : robots.refusal(uri);
    if (refused.isPresent()) {
      return new Probed(new LinkCheck(LinkCheck.VERSION, request.resourceId(), request.url(), CheckOutcome.BLOCKED, 0, null,
          elapsed(t0), refused.get(), started), 0);
    }
    try {
      FetchResult result;
      if (isFile(uri)) {
        result = fetch.fetch(FetchRequest.head(uri));
        if (HEAD_UNRELIABLE.contains(result.status()) || isSuccess(result.status()) && mayBeHtml(result)) {
          result = fetch.fetch(FetchRequest.get(uri));
        }
      } else {
        result = fetch.fetch(FetchRequest.get(uri));
      }
      long body = isSuccess(result.status()) && result.redirects().isEmpty() && result.bodyLength() > 0
          ? bodyHash(result.body()) : 0;
      Verdict verdict = body != 0 && body == request.knownGoodBody()
          ? new Verdict(CheckOutcome.OK, detail(result) + " with the same page as at the last check")
          : classify(uri, result, request.fingerprint());
      LinkCheck check = new LinkCheck(LinkCheck.VERSION, request.resourceId(), request.url(), verdict.outcome(), result.status(),
          result.finalUri().toString(), elapsed(t0), verdict.detail(), started);
      return new Probed(check, verdict.outcome() == CheckOutcome.OK ? body : 0);
    } catch (FetchFailure failure) {
      return new Probed(new LinkCheck(LinkCheck.VERSION, request.resourceId(), request.url(), outcomeOf(failure), 0, null,
          elapsed(t0), failure.curatorMessage(), started), 0);
    }
  }

  /** A 64-bit digest of a page's bytes (from SHA-256), never 0, which means "no page". */
  static long bodyHash(byte[] body) {
    long hash = Sha256.leading64(body);
    return hash == 0 ? 1 : hash;
  }

  /** An outcome and the sentence that explains it. */
  record Verdict(CheckOutcome outcome, String detail) {}

  Verdict classify(URI requested, FetchResult result, long approvedFingerprint) throws InterruptedException {
    CheckOutcome byStatus = byStatus(result);
    if (!byStatus.isSuccess() || result.bodyLength() == 0 || !mayBeHtml(result)) {
      return new Verdict(byStatus, detail(result));
    }
    CheckedPage page = CheckedPage.parse(result.text());
    Optional<String> soft = SoftNotFound.byWordingOrRedirect(requested, result, page);
    if (soft.isPresent()) {
      return new Verdict(CheckOutcome.SOFT_404, soft.get());
    }
    Optional<String> drift = ContentDrift.explain(page, approvedFingerprint);
    if (drift.isPresent()) {
      return new Verdict(CheckOutcome.CONTENT_CHANGED, drift.get());
    }
    Optional<String> sibling = softNotFound.bySibling(result.finalUri(), page);
    return sibling.map(why -> new Verdict(CheckOutcome.SOFT_404, why)).orElseGet(() -> new Verdict(byStatus, detail(result)));
  }

  static CheckOutcome byStatus(FetchResult result) {
    int status = result.status();
    if (isSuccess(status)) {
      return result.redirects().isEmpty() ? CheckOutcome.OK : CheckOutcome.REDIRECTED;
    }
    if (BotWall.isChallenge(result)) {
      return CheckOutcome.BLOCKED;
    }
    return switch (status) {
      case 404 -> CheckOutcome.NOT_FOUND;
      case 410 -> CheckOutcome.GONE;
      case 429 -> CheckOutcome.RATE_LIMITED;
      default -> status >= 500 ? CheckOutcome.SERVER_ERROR : CheckOutcome.CLIENT_ERROR;
    };
  }

  /** Whether the link's path ends in the extension of a file that is not a page. */
  static boolean isFile(URI uri) {
    String path = uri.getPath();
    if (path == null) {
      return false;
    }
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash && FILE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  /** HTML, or a type the server did not say (HEAD answers often omit it). */
  private static boolean mayBeHtml(FetchResult result) {
    String type = result.mediaType();
    return type == null || type.equals("text/html") || type.equals("application/xhtml+xml");
  }

  private static CheckOutcome outcomeOf(FetchFailure failure) {
    return switch (failure.reason()) {
      case DNS_FAILURE -> CheckOutcome.DNS_FAILURE;
      case TIMEOUT -> CheckOutcome.TIMEOUT;
      case TLS_ERROR -> CheckOutcome.TLS_ERROR;
      case CONNECTION_FAILED, PROTOCOL_ERROR -> CheckOutcome.CONNECTION_FAILED;
      case TOO_MANY_REDIRECTS, REDIRECT_LOOP, FORBIDDEN_ADDRESS, INVALID_URL, UNSUPPORTED_CONTENT_TYPE -> CheckOutcome.CLIENT_ERROR;
      // The server answered, with more than we read: the link works.
      case TOO_LARGE, DECOMPRESSION_BOMB -> CheckOutcome.OK;
    };
  }

  private static String detail(FetchResult result) {
    return result.redirects().isEmpty() ? "the server answered " + result.status()
        : "the server answered " + result.status() + " after " + result.redirects().size() + " redirect(s)";
  }

  private static long elapsed(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0).toMillis();
  }
}
