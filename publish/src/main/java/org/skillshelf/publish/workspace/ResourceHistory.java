package org.skillshelf.publish.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.publish.review.DecisionSummary;
import org.skillshelf.publish.review.ReviewItem;

/**
 * What happened to a resource, oldest first, as {@code GET /api/resources/{id}/history} and the
 * review page show it: who suggested it and how, its latest enrichment, every decision that took
 * effect (who, when, what, why) and each change of its link's health.
 *
 * @param linkState the link's current health as the catalogue knows it
 */
public record ResourceHistory(String resourceId, String url, String state, String linkState, List<Event> events) {
  static final Comparator<Event> OLDEST_FIRST = Comparator.comparing(Event::at);

  /**
   * One entry. {@code event} is {@code SUBMITTED}, {@code ENRICHED}/{@code ENRICHMENT_FAILED}, a
   * verdict ({@code APPROVE}, {@code REJECT}, {@code EDIT}, {@code WITHDRAW}) or {@code LINK_}
   * and a link state ({@code LINK_BROKEN}).
   *
   * @param by the submitter's name or the deciding curator
   * @param reason the curator's reason, the submitter's note or why enrichment failed
   * @param detail how it came (a submission's channel) or what the link check found
   */
  public record Event(String event, Instant at, @Nullable String by, @Nullable String reason, @Nullable String detail) {}

  static ResourceHistory of(ReviewItem item, String linkState, List<Event> trail) {
    List<Event> events = new ArrayList<>(trail);
    var e = item.enriched();
    events.add(new Event(e.error() == null ? "ENRICHED" : "ENRICHMENT_FAILED", e.at(), null,
        e.error() == null ? null : e.error().message(), null));
    for (DecisionSummary d : item.decisions()) {
      events.add(new Event(d.verdict().name(), d.at(), d.curator(), d.reason(), null));
    }
    // Stable: a submission and its enrichment in the same instant stay in the order they happened.
    events.sort(OLDEST_FIRST);
    return new ResourceHistory(item.resourceId(), e.url(), item.state().name(), linkState, List.copyOf(events));
  }
}
