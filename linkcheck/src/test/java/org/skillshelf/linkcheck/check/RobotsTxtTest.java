package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.linkcheck.schedule.LinkCheckRequest;
import org.skillshelf.testing.TickingClock;

class RobotsTxtTest {
  private static final String RULES = """
      User-agent: *
      Disallow: /private/

      User-agent: SkillshelfBot
      Disallow: /no-bots/
      """;

  private final TickingClock clock = new TickingClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger robotsFetches = new AtomicInteger();

  private PageFetch serving(int status, String robots) {
    return request -> {
      if (request.uri().getPath().equals("/robots.txt")) {
        robotsFetches.incrementAndGet();
        return plain(request.uri(), status, robots);
      }
      return Answers.html(request.uri().toString(), 200, "");
    };
  }

  private static FetchResult plain(URI uri, int status, String body) {
    return new FetchResult(uri, uri, status, "text/plain", StandardCharsets.UTF_8, body.getBytes(StandardCharsets.UTF_8),
        Map.of(), List.of(), Duration.ofMillis(1), 1);
  }

  private RobotsTxt robots(PageFetch fetch) {
    return new RobotsTxt(fetch, clock, Duration.ofHours(1));
  }

  @Test
  void refusesAPathDisallowedForOurAgentByName() throws Exception {
    assertThat(robots(serving(200, RULES)).refusal(URI.create("https://example.org/no-bots/page"))).contains(RobotsTxt.DISALLOWED);
  }

  @Test
  void allowsAPathOnlyTheWildcardGroupDisallows() throws Exception {
    // Our agent has its own group, so the * group does not apply to it (RFC 9309 §2.2.1).
    assertThat(robots(serving(200, RULES)).refusal(URI.create("https://example.org/private/page"))).isEmpty();
  }

  @Test
  void allowsEverythingWhenRobotsTxtIsMissing() throws Exception {
    assertThat(robots(serving(404, "")).refusal(URI.create("https://example.org/no-bots/page"))).isEmpty();
  }

  @Test
  void allowsWhenRobotsTxtAnswersAServerErrorSoTheLinksOwnFailureIsReported() throws Exception {
    assertThat(robots(serving(503, "")).refusal(URI.create("https://example.org/no-bots/page"))).isEmpty();
  }

  @Test
  void allowsWhenRobotsTxtCannotBeFetched() throws Exception {
    PageFetch failing = request -> {
      throw new FetchFailure(FetchFailure.Reason.CONNECTION_FAILED, "refused");
    };
    assertThat(robots(failing).refusal(URI.create("https://example.org/no-bots/page"))).isEmpty();
  }

  @Test
  void readsGarbageAsNoRules() throws Exception {
    assertThat(robots(serving(200, "\u0000\u00ff<html>not robots</html>\nDisallow /x")).refusal(
        URI.create("https://example.org/x"))).isEmpty();
  }

  @Test
  void fetchesOneFilePerHostWithinTheCacheTime() throws Exception {
    RobotsTxt robots = robots(serving(200, RULES));
    robots.refusal(URI.create("https://example.org/a"));
    robots.refusal(URI.create("https://EXAMPLE.org/b"));
    robots.refusal(URI.create("https://other.example/c"));
    assertThat(robotsFetches).hasValue(2);
  }

  @Test
  void fetchesAgainAfterTheCacheTime() throws Exception {
    RobotsTxt robots = robots(serving(200, RULES));
    robots.refusal(URI.create("https://example.org/a"));
    clock.advance(Duration.ofHours(2));
    robots.refusal(URI.create("https://example.org/a"));
    assertThat(robotsFetches).hasValue(2);
  }

  @Test
  void aHostBackingOffIsPassedOnAndNotCached() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    PageFetch backingOff = request -> {
      if (calls.incrementAndGet() == 1) {
        throw new HostBackingOff("example.org", Duration.ofMinutes(5));
      }
      return plain(request.uri(), 200, RULES);
    };
    RobotsTxt robots = robots(backingOff);
    assertThatThrownBy(() -> robots.refusal(URI.create("https://example.org/no-bots/a"))).isInstanceOf(HostBackingOff.class);
    assertThat(robots.refusal(URI.create("https://example.org/no-bots/a"))).contains(RobotsTxt.DISALLOWED);
  }

  @Test
  void aProbeObeyingRobotsReportsADisallowedLinkAsBlockedWithoutRequestingIt() throws Exception {
    AtomicInteger pageRequests = new AtomicInteger();
    PageFetch fetch = request -> {
      if (request.uri().getPath().equals("/robots.txt")) {
        return plain(request.uri(), 200, RULES);
      }
      pageRequests.incrementAndGet();
      return Answers.html(request.uri().toString(), 200, "");
    };
    var probe = new LinkProbe(fetch, new SoftNotFound(fetch, clock, Duration.ofHours(1), new Random(1)), robots(fetch), clock);
    LinkCheck check = probe.check(new LinkCheckRequest("r1", "https://example.org/no-bots/x", 0L, Instant.EPOCH)).check();
    assertThat(check.outcome()).isEqualTo(CheckOutcome.BLOCKED);
    assertThat(check.detail()).isEqualTo("robots.txt disallows");
    assertThat(pageRequests).hasValue(0);
  }
}
