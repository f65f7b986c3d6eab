package org.skillshelf.linkcheck.check;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkCheckRequest;
import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.fetch.SafeFetcher;

/**
 * Checks one link once: HEAD first because it is cheap for both sides, GET when the server refuses
 * or mishandles HEAD, and a classification of what came back into the contract's outcomes.
 */
public final class LinkProbe {
  /** Statuses after which a HEAD answer is not trusted and GET is tried. */
  private static final Set<Integer> HEAD_UNRELIABLE = Set.of(400, 403, 404, 405, 406, 429, 500, 501, 502, 503);

  private final SafeFetcher fetcher;
  private final Clock clock;

  public LinkProbe(SafeFetcher fetcher, Clock clock) {
    this.fetcher = fetcher;
    this.clock = clock;
  }

  public LinkCheck check(LinkCheckRequest request) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    URI uri = URI.create(request.url());
    try {
      FetchResult result = fetcher.fetch(FetchRequest.head(uri));
      if (HEAD_UNRELIABLE.contains(result.status())) {
        result = fetcher.fetch(FetchRequest.get(uri));
      }
      return new LinkCheck(LinkCheck.VERSION, request.resourceId(), request.url(), classify(result), result.status(),
          result.finalUri().toString(), elapsed(t0), detail(result), started);
    } catch (FetchFailure failure) {
      return new LinkCheck(LinkCheck.VERSION, request.resourceId(), request.url(), outcomeOf(failure), 0, null,
          elapsed(t0), failure.curatorMessage(), started);
    }
  }

  static CheckOutcome classify(FetchResult result) {
    int status = result.status();
    if (status >= 200 && status < 300) {
      return result.redirects().isEmpty() ? CheckOutcome.OK : CheckOutcome.REDIRECTED;
    }
    if (status == 404) {
      return CheckOutcome.NOT_FOUND;
    }
    if (status == 410) {
      return CheckOutcome.GONE;
    }
    if (status == 429) {
      return CheckOutcome.RATE_LIMITED;
    }
    if ((status == 403 || status == 503) && looksLikeBotWall(result)) {
      return CheckOutcome.BLOCKED;
    }
    if (status >= 500) {
      return CheckOutcome.SERVER_ERROR;
    }
    return CheckOutcome.CLIENT_ERROR;
  }

  /** Challenge pages of the common bot-protection services, and their headers. */
  private static boolean looksLikeBotWall(FetchResult result) {
    if (result.header("cf-mitigated").isPresent() || result.header("cf-chl-bypass").isPresent()) {
      return true;
    }
    String server = result.header("server").orElse("").toLowerCase(Locale.ROOT);
    String body = result.body().length == 0 ? "" : result.text().toLowerCase(Locale.ROOT);
    return server.contains("cloudflare") || server.contains("ddos-guard") || server.contains("akamai")
        || body.contains("captcha") || body.contains("checking your browser") || body.contains("verify you are human")
        || body.contains("access denied") && body.contains("bot");
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
