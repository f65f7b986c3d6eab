package org.skillshelf.publish.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.ReviewDecision.Verdict;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.events.Submitter;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.publish.review.ReviewState;
import org.skillshelf.publish.workspace.ResourceHistory.Event;

/** The submissions and link-health changes a resource's history shows, merged with its review. */
class ResourceTrailTest {
  private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
  private final ResourceTrail trail = new ResourceTrail();

  @AfterEach
  void close() {
    trail.close();
  }

  private static SubmissionReceived submission(@Nullable Submitter who, String channel, @Nullable String autoPublishBy, int minute) {
    return new SubmissionReceived(SubmissionReceived.VERSION, "s-" + minute, "r-1", "https://example.org/a", "https://example.org/a",
        "Good for beginners", List.of(), who, channel, autoPublishBy, null, T0.plusSeconds(60L * minute));
  }

  private static LinkHealth health(LinkState state, CheckOutcome outcome, int status, int minute) {
    Instant at = T0.plusSeconds(60L * minute);
    var check = new LinkCheck(LinkCheck.VERSION, "r-1", "https://example.org/a", outcome, status, null, 12, null, at);
    return new LinkHealth(LinkHealth.VERSION, "r-1", "https://example.org/a", state, 0, null, at, null, check, List.of(LinkHealth.PastCheck.of(check)),
        null);
  }

  @Test
  void aSubmissionShowsTheSubmittersNameNoteAndChannelButNeverTheEmail() {
    trail.submitted(submission(new Submitter("Grace", "grace@example.org"), "form", null, 0));
    Event event = trail.eventsFor("r-1").getFirst();
    assertThat(event).isEqualTo(new Event("SUBMITTED", T0, "Grace", "Good for beginners", "via form"));
    assertThat(event.toString()).doesNotContain("grace@example.org");
  }

  @Test
  void anAnonymousSubmissionNamesNobody() {
    trail.submitted(submission(new Submitter(" ", null), "api", null, 0));
    trail.submitted(submission(null, "api", null, 1));
    assertThat(trail.eventsFor("r-1")).extracting(Event::by).containsExactly(null, null);
  }

  @Test
  void aTrustedImportSaysWhoPublishedItWithoutReview() {
    trail.submitted(submission(new Submitter("ada", null), "bulk", "ada", 0));
    assertThat(trail.eventsFor("r-1").getFirst().detail()).isEqualTo("via bulk, published without review by ada");
  }

  @Test
  void onlyChangesOfTheLinkStateAreKept() {
    trail.linkHealth(health(LinkState.HEALTHY, CheckOutcome.OK, 200, 1), T0);
    trail.linkHealth(health(LinkState.HEALTHY, CheckOutcome.OK, 200, 2), T0);
    trail.linkHealth(health(LinkState.DEGRADED, CheckOutcome.NOT_FOUND, 404, 3), T0);
    trail.linkHealth(health(LinkState.BROKEN, CheckOutcome.NOT_FOUND, 404, 4), T0);
    trail.linkHealth(health(LinkState.HEALTHY, CheckOutcome.OK, 200, 5), T0);
    assertThat(trail.eventsFor("r-1")).extracting(Event::event)
        .containsExactly("LINK_HEALTHY", "LINK_DEGRADED", "LINK_BROKEN", "LINK_HEALTHY");
    assertThat(trail.eventsFor("r-1").get(2).detail()).isEqualTo("not found (HTTP 404)");
    assertThat(trail.eventsFor("r-1").get(2).at()).isEqualTo(T0.plusSeconds(240));
  }

  @Test
  void aHealthWithoutACheckTimeIsDatedWhenItWasWritten() {
    var unchecked = new LinkHealth(LinkHealth.VERSION, "r-1", "https://example.org/a", LinkState.UNCHECKED, 0, null, null, null, null, List.of(),
        null);
    trail.linkHealth(unchecked, T0.plusSeconds(5));
    assertThat(trail.eventsFor("r-1")).containsExactly(new Event("LINK_UNCHECKED", T0.plusSeconds(5), null, null, null));
  }

  @Test
  void eachResourceKeepsOnlyItsMostRecentEvents() {
    for (int i = 0; i < ResourceTrail.MAX_EVENTS + 5; i++) {
      trail.submitted(submission(new Submitter("s" + i, null), "api", null, i));
    }
    List<Event> events = trail.eventsFor("r-1");
    assertThat(events).hasSize(ResourceTrail.MAX_EVENTS);
    assertThat(events.getLast().by()).isEqualTo("s" + (ResourceTrail.MAX_EVENTS + 4));
  }

  @Test
  void anUnknownResourceHasNoTrail() {
    assertThat(trail.eventsFor("r-unknown")).isEmpty();
  }

  @Test
  void theHistoryMergesSubmissionEnrichmentDecisionsAndLinkChangesOldestFirst() {
    trail.submitted(submission(new Submitter("Grace", null), "form", null, 0));
    trail.linkHealth(health(LinkState.BROKEN, CheckOutcome.GONE, 410, 30), T0);
    var enriched = new EnrichedResource(EnrichedResource.VERSION, "r-1", "https://example.org/a", null,
        EnrichedResource.EnrichmentStatus.ENRICHED, ResourceMetadata.empty(), "", 0L, List.of(), List.of(), List.of(), null, null, null,
        T0.plusSeconds(60));
    ReviewItem item = ReviewItem.arrived(enriched, null)
        .decided(Verdict.APPROVE, ReviewState.APPROVED, "ada", T0.plusSeconds(600), null, null)
        .decided(Verdict.WITHDRAW, ReviewState.WITHDRAWN, "ada", T0.plusSeconds(3600), "gone for good", null);
    var history = ResourceHistory.of(item, "BROKEN", trail.eventsFor("r-1"));
    assertThat(history.events()).extracting(Event::event)
        .containsExactly("SUBMITTED", "ENRICHED", "APPROVE", "LINK_BROKEN", "WITHDRAW");
    assertThat(history.events()).extracting(Event::by).containsExactly("Grace", null, "ada", null, "ada");
  }

  @Test
  void keepsTrailsApartAndReadsThemBackAfterManyOthers() {
    trail.submitted(submission(new Submitter("Grace", null), "form", null, 0));
    for (int i = 0; i < 2_000; i++) {
      var other = new SubmissionReceived(SubmissionReceived.VERSION, "s-" + i, "other-" + i, "https://example.org/" + i,
          "https://example.org/" + i, null, List.of(), null, "api", null, null, T0);
      trail.submitted(other);
    }
    assertThat(trail.eventsFor("r-1")).extracting(Event::by).containsExactly("Grace");
    assertThat(trail.eventsFor("other-1999")).extracting(Event::detail).containsExactly("via api");
  }

  @Test
  void aClosedTrailAnswersEmptyAndRefusesWrites() {
    trail.submitted(submission(new Submitter("Grace", null), "form", null, 0));
    trail.close();
    assertThat(trail.eventsFor("r-1")).isEmpty();
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> trail.submitted(submission(null, "api", null, 1)));
  }
}
