package org.skillshelf.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.SubmissionReceived;

class InFlightSubmissionsTest {
  private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
  private static final Clock AT_NOON = Clock.fixed(NOON, ZoneOffset.UTC);

  private static SubmissionReceived suggestion(String id, Instant at) {
    return new SubmissionReceived(SubmissionReceived.VERSION, id, "r-" + id, "https://example.org/" + id,
        "https://example.org/" + id, null, List.of(), null, "web", null, null, at);
  }

  @Test
  void findsASuggestionItHasJustBeenTold() {
    var inFlight = new InFlightSubmissions(Duration.ofMinutes(10), 3, AT_NOON);
    inFlight.remember(suggestion("a", NOON));

    assertThat(inFlight.find("a")).map(SubmissionReceived::resourceId).contains("r-a");
  }

  @Test
  void forgetsTheOldestOncePastItsCount() {
    var inFlight = new InFlightSubmissions(Duration.ofMinutes(10), 3, AT_NOON);
    for (String id : List.of("a", "b", "c", "d", "e")) {
      inFlight.remember(suggestion(id, NOON));
    }

    assertThat(inFlight.size()).isEqualTo(3);
    assertThat(inFlight.find("a")).isEmpty();
    assertThat(inFlight.find("b")).isEmpty();
    assertThat(inFlight.find("e")).isPresent();
  }

  @Test
  void forgetsSuggestionsOlderThanItsAgeLimit() {
    var inFlight = new InFlightSubmissions(Duration.ofMinutes(10), 100, AT_NOON);
    inFlight.remember(suggestion("old", NOON.minus(Duration.ofMinutes(11))));
    inFlight.remember(suggestion("new", NOON));

    assertThat(inFlight.find("old")).isEmpty();
    assertThat(inFlight.find("new")).isPresent();
  }

  @Test
  void refusesACountBelowOne() {
    assertThatThrownBy(() -> new InFlightSubmissions(Duration.ofMinutes(10), 0, AT_NOON))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
