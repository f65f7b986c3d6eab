package org.skillshelf.publish.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.publish.review.DecisionSummary;
import org.skillshelf.publish.review.ReviewItem;

/**
 * What happened to a resource, oldest first, as {@code GET /api/resources/{id}/history} shows it:
 * its latest enrichment and every decision that took effect (who, when, what, why).
 *
 * @param linkState the link's current health as the catalogue knows it
 */
public record ResourceHistory(String resourceId, String url, String state, String linkState, List<Event> events) {

  /** One entry: {@code event} is {@code ENRICHED}/{@code ENRICHMENT_FAILED} or a verdict. */
  public record Event(String event, Instant at, @Nullable String by, @Nullable String reason) {}

  static ResourceHistory of(ReviewItem item, String linkState) {
    List<Event> events = new ArrayList<>();
    var e = item.enriched();
    events.add(new Event(e.error() == null ? "ENRICHED" : "ENRICHMENT_FAILED", e.at(), null,
        e.error() == null ? null : e.error().message()));
    for (DecisionSummary d : item.decisions()) {
      events.add(new Event(d.verdict().name(), d.at(), d.curator(), d.reason()));
    }
    events.sort(Comparator.comparing(Event::at));
    return new ResourceHistory(item.resourceId(), e.url(), item.state().name(),
        linkState, events);
  }
}
