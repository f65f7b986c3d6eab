package org.skillshelf.linkcheck.check;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchResult;

/**
 * A host's robots.txt, obeyed when {@code SKILLSHELF_LINKCHECK_ROBOTS} is on. The file is fetched
 * through the same {@link PageFetch} as every check (so it waits its turn at the politeness gate
 * and passes the address guard); crawler-commons only parses the bytes and never fetches anything
 * itself. One file per scheme, host and port is kept for {@code ttl}; concurrent checks of a host
 * share one fetch.
 *
 * <p>Following RFC 9309: a 4xx answer (no robots.txt) allows everything. Where the RFC says an
 * unreachable file (5xx, no connection) means "disallow all", a link checker allows instead: the
 * link's own check then reports the host's failure, which tells a curator more than
 * "robots.txt disallows" would.
 *
 * <pre>{@code
 * Optional<String> why = robots.refusal(URI.create("https://example.org/private/page"));
 * }</pre>
 */
public final class RobotsTxt {
  /** The detail a disallowed link's check carries. */
  public static final String DISALLOWED = "robots.txt disallows";
  /** The product token matched against {@code User-agent:} lines ({@code SkillshelfBot}). */
  static final String AGENT = "skillshelfbot";

  private final PageFetch fetch;
  private final Clock clock;
  private final Duration ttl;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(CompletableFuture<BaseRobotRules> rules, Instant until) {}

  public RobotsTxt(PageFetch fetch, Clock clock, Duration ttl) {
    this.fetch = fetch;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Why the link must not be requested, or empty when robots.txt allows it (or has nothing to say). */
  public Optional<String> refusal(URI link) throws HostBackingOff, InterruptedException {
    if (link.getHost() == null || link.getScheme() == null) {
      return Optional.empty();
    }
    return rules(link).isAllowed(link.toString()) ? Optional.empty() : Optional.of(DISALLOWED);
  }

  private BaseRobotRules rules(URI link) throws HostBackingOff, InterruptedException {
    String origin = origin(link);
    Instant now = clock.instant();
    CompletableFuture<BaseRobotRules> mine = new CompletableFuture<>();
    Cached entry = cache.compute(origin, (key, old) ->
        old == null || old.until().isBefore(now) ? new Cached(mine, now.plus(ttl)) : old);
    if (entry.rules() == mine) {
      try {
        mine.complete(download(URI.create(origin + "/robots.txt")));
      } catch (HostBackingOff e) {
        cache.remove(origin, entry); // nothing learned: the next check of this host asks again
        mine.completeExceptionally(e);
        throw e;
      } catch (RuntimeException | InterruptedException e) {
        cache.remove(origin, entry);
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return entry.rules().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HostBackingOff backingOff) {
        throw backingOff;
      }
      return parser.failedFetch(404); // another check's download failed oddly: allow, as for a missing file
    }
  }

  private BaseRobotRules download(URI robots) throws HostBackingOff, InterruptedException {
    try {
      FetchResult answer = fetch.fetch(FetchRequest.get(robots));
      if (answer.status() >= 200 && answer.status() < 300) {
        String type = answer.mediaType() == null ? "text/plain" : answer.mediaType();
        return parser.parseContent(answer.finalUri().toString(), answer.body(), type, List.of(AGENT));
      }
      return parser.failedFetch(404); // missing or unreachable: allow (see the class comment)
    } catch (FetchFailure failure) {
      return parser.failedFetch(404);
    }
  }

  private static String origin(URI link) {
    String scheme = link.getScheme().toLowerCase(Locale.ROOT);
    String host = link.getHost().toLowerCase(Locale.ROOT);
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + hostPart + (link.getPort() >= 0 ? ":" + link.getPort() : "");
  }
}
