package org.skillshelf.linkcheck.check;

import java.util.List;
import java.util.Locale;
import org.skillshelf.fetch.FetchResult;

/**
 * Recognises the challenge pages of bot-protection services: a 403 or 503 that asks a browser to
 * prove it is human says nothing about whether the resource still exists, so the check is
 * {@code BLOCKED} (transient) rather than a hard failure.
 *
 * <pre>{@code
 * if (BotWall.isChallenge(result)) return CheckOutcome.BLOCKED;
 * }</pre>
 */
public final class BotWall {
  /** Headers set by Cloudflare, Sucuri, DataDome, AWS WAF and Imperva on their challenge answers. */
  private static final List<String> HEADERS = List.of("cf-mitigated", "cf-chl-bypass", "x-sucuri-id", "x-datadome",
      "x-amzn-waf-action", "x-iinfo");
  private static final List<String> SERVERS = List.of("cloudflare", "ddos-guard", "akamaighost", "sucuri", "datadome");
  private static final List<String> BODY_MARKERS = List.of("captcha", "checking your browser", "verify you are human",
      "verifying you are human", "just a moment...", "attention required!", "ddos protection by", "are you a robot",
      "unusual traffic from your", "cf-browser-verification", "challenge-platform", "px-captcha", "enable javascript and cookies to continue");

  private BotWall() {}

  /** Whether a 403 or 503 answer is a challenge page rather than a refusal of the resource. */
  public static boolean isChallenge(FetchResult result) {
    if (result.status() != 403 && result.status() != 503) {
      return false;
    }
    if (HEADERS.stream().anyMatch(h -> result.header(h).isPresent())) {
      return true;
    }
    String server = result.header("server").orElse("").toLowerCase(Locale.ROOT);
    if (SERVERS.stream().anyMatch(server::contains)) {
      return true;
    }
    String body = result.bodyLength() == 0 ? "" : result.text().toLowerCase(Locale.ROOT);
    return BODY_MARKERS.stream().anyMatch(body::contains) || body.contains("access denied") && body.contains("bot");
  }
}
