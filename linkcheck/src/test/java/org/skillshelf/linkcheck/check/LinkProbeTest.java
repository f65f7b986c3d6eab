package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.fetch.HttpMethod;
import org.skillshelf.linkcheck.schedule.LinkCheckRequest;
import org.skillshelf.linkcheck.schedule.LinkScheduleTopology;

class LinkProbeTest {
  private static final String URL = "https://example.org/courses/git";
  private static final String LESSON = "<title>Git</title><main><p>Version control lets a team keep every change to its files, "
      + "see who changed what and when, and go back to any earlier state.</p></main>";

  private static CheckOutcome check(PageFetch fetch) throws Exception {
    var probe = new LinkProbe(fetch, new SoftNotFound(fetch, Clock.systemUTC(), Duration.ofHours(1), new Random(1)), Clock.systemUTC());
    return probe.check(new LinkCheckRequest("r1", URL, 0L, Instant.EPOCH)).check().outcome();
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

  @Test
  void checksAPageWithOneGetAndNoHead() throws Exception {
    List<String> sent = new ArrayList<>();
    PageFetch page = serving(200, LESSON);
    check(request -> {
      sent.add(request.method() + " " + request.uri().getPath());
      return page.fetch(request);
    });
    assertThat(sent).startsWith("GET /courses/git").doesNotContain("HEAD /courses/git");
  }

  @Test
  void asksForAFileWithHeadOnly() throws Exception {
    List<String> sent = new ArrayList<>();
    PageFetch pdf = request -> {
      sent.add(request.method().name());
      return new FetchResult(request.uri(), request.uri(), 200, "application/pdf", null, new byte[0], Map.of(), List.of(),
          Duration.ofMillis(5), 1);
    };
    var probe = new LinkProbe(pdf, new SoftNotFound(pdf, Clock.systemUTC(), Duration.ofHours(1), new Random(1)), Clock.systemUTC());
    var request = new LinkCheckRequest("r1", "https://example.org/notes.PDF", 0L, Instant.EPOCH);
    assertThat(probe.check(request).check().outcome()).isEqualTo(CheckOutcome.OK);
    assertThat(sent).containsExactly("HEAD");
  }

  @Test
  void tellsFilesFromPagesByTheLastPathSegment() {
    assertThat(LinkProbe.isFile(URI.create("https://example.org/slides/intro.pptx"))).isTrue();
    assertThat(LinkProbe.isFile(URI.create("https://example.org/v1.2/guide"))).isFalse();
    assertThat(LinkProbe.isFile(URI.create("https://example.org/guide.html"))).isFalse();
  }

  @Test
  void aPageWithTheBytesLastFoundFineIsNotReadAgainAndChangedBytesAre() throws Exception {
    PageFetch lesson = serving(200, LESSON);
    var probe = new LinkProbe(lesson, new SoftNotFound(lesson, Clock.systemUTC(), Duration.ofHours(1), new Random(1)), Clock.systemUTC());
    LinkProbe.Probed first = probe.check(new LinkCheckRequest("r1", URL, 0L, Instant.EPOCH));
    assertThat(first.check().outcome()).isEqualTo(CheckOutcome.OK);
    assertThat(first.goodBody()).isNotZero();

    LinkProbe.Probed again = probe.check(new LinkCheckRequest("r1", URL, LinkScheduleTopology.hostKey(URL), 0L, Instant.EPOCH,
        first.goodBody()));
    assertThat(again.check().outcome()).isEqualTo(CheckOutcome.OK);
    assertThat(again.check().detail()).contains("the same page as at the last check");
    assertThat(again.goodBody()).isEqualTo(first.goodBody());

    PageFetch parked = serving(200, "<h1>This domain is for sale</h1>");
    var probeOfParked = new LinkProbe(parked, new SoftNotFound(parked, Clock.systemUTC(), Duration.ofHours(1), new Random(1)),
        Clock.systemUTC());
    LinkProbe.Probed changed = probeOfParked.check(new LinkCheckRequest("r1", URL, LinkScheduleTopology.hostKey(URL), 0L,
        Instant.EPOCH, first.goodBody()));
    assertThat(changed.check().outcome()).as("other bytes are read").isEqualTo(CheckOutcome.CONTENT_CHANGED);
    assertThat(changed.goodBody()).as("only a page found fine is remembered").isZero();
  }
}
