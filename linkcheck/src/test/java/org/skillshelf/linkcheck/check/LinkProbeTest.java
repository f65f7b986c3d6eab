package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheckRequest;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.fetch.HttpMethod;

class LinkProbeTest {
  private static final String URL = "https://example.org/courses/git";
  private static final String LESSON = "<title>Git</title><main><p>Version control lets a team keep every change to its files, "
      + "see who changed what and when, and go back to any earlier state.</p></main>";

  private static CheckOutcome check(PageFetch fetch) throws Exception {
    var probe = new LinkProbe(fetch, new SoftNotFound(fetch, Clock.systemUTC(), Duration.ofHours(1), new Random(1)), Clock.systemUTC());
    return probe.check(new LinkCheckRequest(LinkCheckRequest.VERSION, "r1", URL, 0L, Instant.EPOCH)).outcome();
  }

  private static PageFetch serving(int status, String body) {
    return request -> request.uri().getPath().equals("/courses/git") ? Answers.html(request.uri().toString(), status,
        request.method() == HttpMethod.HEAD ? "" : body) : Answers.html(request.uri().toString(), 404, "");
  }

  @Test
  void aLivePageIsOk() throws Exception {
    assertThat(check(serving(200, LESSON))).isEqualTo(CheckOutcome.OK);
  }

  @Test
  void aNotFoundPageAnswering200IsASoft404() throws Exception {
    assertThat(check(serving(200, "<title>Page not found</title>"))).isEqualTo(CheckOutcome.SOFT_404);
  }

  @Test
  void aChallengePageIsBlocked() throws Exception {
    assertThat(check(serving(403, "<p>Checking your browser before accessing</p>"))).isEqualTo(CheckOutcome.BLOCKED);
  }

  @Test
  void aGoneAnswerIsGone() throws Exception {
    assertThat(check(serving(410, ""))).isEqualTo(CheckOutcome.GONE);
  }

  @Test
  void aParkedDomainIsChangedContent() throws Exception {
    assertThat(check(serving(200, "<h1>This domain is for sale</h1>"))).isEqualTo(CheckOutcome.CONTENT_CHANGED);
  }

  @Test
  void aServerErrorIsAServerError() throws Exception {
    FetchResult unused = Answers.html(URL, 500, "");
    assertThat(check(request -> unused)).isEqualTo(CheckOutcome.SERVER_ERROR);
  }
}
