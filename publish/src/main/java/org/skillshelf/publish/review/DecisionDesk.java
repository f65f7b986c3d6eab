package org.skillshelf.publish.review;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.events.ReviewDecision.Verdict;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.kafka.Topics;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.ApiException;

/**
 * Where every curator decision is checked and sent, whether it comes from the API or the review
 * pages: against the item's current state, the version the curator saw, and decisions still on
 * their way through Kafka, so that the second of two curators deciding the same record gets a 409
 * and nothing is silently overwritten.
 *
 * <pre>{@code
 * ReviewDecision sent = desk.decide("ada", id, Verdict.REJECT, "paywalled", Edits.none(), null);
 * }</pre>
 */
public final class DecisionDesk {
  private static final Duration IN_FLIGHT = Duration.ofSeconds(30);

  private final StreamsApp review;
  private final EventPublisher publisher;
  private final Taxonomy taxonomy;
  private final Clock clock;
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

  private record InFlight(String curator, long version, Instant at) {}

  public DecisionDesk(StreamsApp review, EventPublisher publisher, Taxonomy taxonomy, Clock clock) {
    this.review = review;
    this.publisher = publisher;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  /** One resource in review, or a 404. */
  public ReviewItem item(String resourceId) {
    ReviewItem item = store().get(resourceId);
    if (item == null) {
      throw ApiException.notFound("The resource " + resourceId);
    }
    return item;
  }

  /** Every resource still waiting for a decision, oldest enrichment first. */
  public List<ReviewItem> waiting() {
    List<ReviewItem> waiting = new ArrayList<>();
    try (KeyValueIterator<String, ReviewItem> all = store().all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.state().awaitsDecision()) {
          waiting.add(kv.value);
        }
      });
    }
    waiting.sort(Comparator.comparing((ReviewItem i) -> i.enriched().at()).thenComparing(ReviewItem::resourceId));
    return waiting;
  }

  /** Checks a decision and sends it to the decisions topic; the review topology applies it. */
  public ReviewDecision decide(String curator, String resourceId, Verdict verdict, @Nullable String reason, Edits edits,
      @Nullable Long expectedVersion) {
    ReviewItem item = item(resourceId);
    checkState(item, verdict);
    if (expectedVersion != null && expectedVersion != item.version()) {
      throw new ApiException(409, "STALE", "This resource changed since you opened it (version " + item.version()
          + ", you saw " + expectedVersion + "); reload and decide again.");
    }
    if ((verdict == Verdict.REJECT || verdict == Verdict.WITHDRAW) && (reason == null || reason.isBlank())) {
      throw ApiException.badRequest("REASON_REQUIRED", "Say why, so the submitter and other curators know.");
    }
    checkSkills(edits);
    checkUrl(edits);
    Instant now = clock.instant();
    InFlight claim = new InFlight(curator, item.version(), now);
    InFlight existing = inFlight.compute(resourceId, (id, current) ->
        current == null || current.version() != item.version() || current.at().plus(IN_FLIGHT).isBefore(now) ? claim : current);
    if (existing != claim) {
      throw new ApiException(409, "ALREADY_DECIDED", existing.curator() + " decided this resource a moment ago; nothing was changed.");
    }
    var decision = new ReviewDecision(ReviewDecision.VERSION, UUID.randomUUID().toString(), resourceId, verdict,
        reason == null || reason.isBlank() ? null : reason.strip(), edits, curator, now);
    try {
      publisher.send(Topics.DECISIONS, resourceId, decision);
    } catch (RuntimeException e) {
      inFlight.remove(resourceId, claim);
      throw e;
    }
    return decision;
  }

  /** Whether a decision on this item, as it stands now, was accepted moments ago and is still on its way. */
  public boolean settling(ReviewItem item) {
    InFlight claim = inFlight.get(item.resourceId());
    return claim != null && claim.version() == item.version() && !claim.at().plus(IN_FLIGHT).isBefore(clock.instant());
  }

  /** Asks the enrich stage to fetch and analyse the resource again; its review standing is kept. */
  public EnrichmentRequest reenrich(String curator, String resourceId) {
    ReviewItem item = item(resourceId);
    var request = new EnrichmentRequest(EnrichmentRequest.VERSION, resourceId, item.enriched().url(),
        "reenrich-" + UUID.randomUUID(), item.enriched().submitterSkills(), null, null, clock.instant());
    publisher.send(Topics.ENRICHMENT_REQUESTS, resourceId, request);
    return request;
  }

  private static void checkState(ReviewItem item, Verdict verdict) {
    boolean fits = switch (verdict) {
      case APPROVE, REJECT -> item.state().awaitsDecision();
      case EDIT, WITHDRAW -> item.state() == ReviewState.APPROVED;
    };
    if (fits) {
      return;
    }
    String state = item.state().name().toLowerCase(Locale.ROOT);
    if (verdict == Verdict.APPROVE || verdict == Verdict.REJECT) {
      throw new ApiException(409, "ALREADY_DECIDED", "This resource was already " + state + " by " + item.decidedBy()
          + " at " + item.decidedAt() + "; nothing was changed.");
    }
    throw new ApiException(409, "NOT_PUBLISHED", "This resource is not published (it is " + state
        + "), so it cannot be edited or withdrawn; nothing was changed.");
  }

  private void checkSkills(Edits edits) {
    if (edits.skills() == null) {
      return;
    }
    List<String> unknown = edits.skills().stream().filter(id -> !taxonomy.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("UNKNOWN_SKILL", "These skills are not in the taxonomy: " + String.join(", ", unknown) + ".");
    }
  }

  /** A replacement link must be one link checking and readers can follow: absolute http(s), not too long. */
  static void checkUrl(Edits edits) {
    String url = edits.url();
    if (url == null) {
      return;
    }
    String reason = null;
    if (url.isBlank() || url.length() > 2048) {
      reason = "is empty or longer than 2,048 characters";
    } else {
      try {
        URI uri = new URI(url.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
          reason = "is not an absolute http or https address";
        }
      } catch (URISyntaxException e) {
        reason = "is not a valid address";
      }
    }
    if (reason != null) {
      throw ApiException.badRequest("INVALID_URL", "The new link " + reason + "; nothing was changed.");
    }
  }

  private ReadOnlyKeyValueStore<String, ReviewItem> store() {
    return review.store(ReviewTopology.STORE);
  }
}
