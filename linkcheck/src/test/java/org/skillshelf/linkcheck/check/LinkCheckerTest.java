package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.linkcheck.schedule.CheckRunner;
import org.skillshelf.linkcheck.schedule.LinkCheckRequest;

class LinkCheckerTest {

  /** What the schedule heard of each check, in the order it heard it. */
  private static final class Heard implements CheckRunner.Listener {
    final List<String> said = new CopyOnWriteArrayList<>();

    @Override
    public void checked(LinkCheck check, long goodBody) {
      said.add(check.resourceId() + " " + check.outcome());
    }

    @Override
    public void notChecked(Duration retryIn, String why) {
      said.add("not checked, again in " + retryIn + ": " + why);
    }
  }

  @Test
  void aCheckThatBlowsTheStackIsReportedAndItsHostsNextCheckStillRuns() {
    PageFetch fetch = request -> {
      if (request.uri().getPath().equals("/deep")) {
        throw new StackOverflowError("nested 100,000 deep");
      }
      boolean lesson = request.uri().getPath().equals("/lesson");
      return Answers.html(request.uri().toString(), lesson ? 200 : 404,
          lesson ? "<title>A lesson</title><main><p>Sorting and filtering a spreadsheet of loans.</p></main>" : "");
    };
    var probe = new LinkProbe(fetch, new SoftNotFound(fetch, Clock.systemUTC(), Duration.ofHours(1), new Random(1)), Clock.systemUTC());
    Heard heard = new Heard();
    // one lane for the host: the second check runs only if the first one's lane goes on
    try (var checker = new LinkChecker(probe, new SimpleMeterRegistry(), 1)) {
      checker.submit(new LinkCheckRequest("r1", "https://example.org/deep", 0L, Instant.EPOCH), heard);
      checker.submit(new LinkCheckRequest("r2", "https://example.org/lesson", 0L, Instant.EPOCH), heard);

      await().atMost(Duration.ofSeconds(10)).until(() -> heard.said.size() == 2);
      assertThat(heard.said).containsExactly("not checked, again in PT5M: java.lang.StackOverflowError: nested 100,000 deep", "r2 OK");
      assertThat(checker.inFlight()).isZero();
    }
  }
}
