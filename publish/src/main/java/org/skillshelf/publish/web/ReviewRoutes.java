package org.skillshelf.publish.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
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
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.events.ReviewDecision.Verdict;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.kafka.Topics;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.publish.review.ReviewTopology;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/**
 * The curators' API: the review queue, one resource's enrichment and text, and decisions. A decision
 * is checked against the item's current state and against decisions still on their way through
 * Kafka, so the second of two curators deciding the same record gets a 409 instead of silently
 * overwriting the first.
 */
public final class ReviewRoutes implements WebModule {
  private static final Duration IN_FLIGHT = Duration.ofSeconds(30);

  private final StreamsApp review;
  private final EventPublisher publisher;
  private final CuratorAccounts curators;
  private final Clock clock;
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

  private record InFlight(String curator, long version, Instant at) {}

  public ReviewRoutes(StreamsApp review, EventPublisher publisher, CuratorAccounts curators, Clock clock) {
    this.review = review;
    this.publisher = publisher;
    this.curators = curators;
    this.clock = clock;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/review/queue", this::queue);
    config.routes.post("/api/review/{resourceId}/decision", this::decide);
    config.routes.get("/api/resources/{resourceId}", ctx -> {
      curators.requireCurator(ctx);
      ctx.json(ResourceView.of(item(ctx.pathParam("resourceId"))));
    });
    config.routes.get("/api/resources/{resourceId}/text", ctx -> {
      curators.requireCurator(ctx);
      ctx.contentType("text/plain; charset=utf-8").result(item(ctx.pathParam("resourceId")).enriched().mainText());
    });
  }

  private ReadOnlyKeyValueStore<String, ReviewItem> store() {
    return review.store(ReviewTopology.STORE);
  }

  private ReviewItem item(String resourceId) {
    ReviewItem item = store().get(resourceId);
    if (item == null) {
      throw ApiException.notFound("The resource " + resourceId);
    }
    return item;
  }

  private void queue(Context ctx) {
    curators.requireCurator(ctx);
    int limit = Math.clamp(intParam(ctx, "limit", 50), 1, 500);
    int offset = Math.max(0, intParam(ctx, "offset", 0));
    List<ReviewItem> waiting = new ArrayList<>();
    try (KeyValueIterator<String, ReviewItem> all = store().all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.state().awaitsDecision()) {
          waiting.add(kv.value);
        }
      });
    }
    waiting.sort(Comparator.comparing((ReviewItem i) -> i.enriched().at()));
    List<ResourceView> page = waiting.stream().skip(offset).limit(limit).map(ResourceView::of).toList();
    ctx.json(Map.of("total", waiting.size(), "items", page));
  }

  private void decide(Context ctx) {
    String curator = curators.requireCurator(ctx);
    String resourceId = ctx.pathParam("resourceId");
    DecisionRequest request = ctx.bodyAsClass(DecisionRequest.class);
    Verdict verdict = verdict(request.decision());
    ReviewItem item = item(resourceId);
    if (!item.state().awaitsDecision()) {
      throw new ApiException(409, "ALREADY_DECIDED", "This resource was already " + item.state().name().toLowerCase(Locale.ROOT)
          + " by " + item.decidedBy() + " at " + item.decidedAt() + "; nothing was changed.");
    }
    if (request.expectedVersion() != null && request.expectedVersion() != item.version()) {
      throw new ApiException(409, "STALE", "This resource changed since you opened it (version " + item.version()
          + ", you saw " + request.expectedVersion() + "); reload and decide again.");
    }
    if (verdict == Verdict.REJECT && (request.reason() == null || request.reason().isBlank())) {
      throw ApiException.badRequest("REASON_REQUIRED", "Say why the resource is rejected, so the submitter and other curators know.");
    }
    Instant now = clock.instant();
    InFlight claim = new InFlight(curator, item.version(), now);
    InFlight existing = inFlight.compute(resourceId, (id, current) ->
        current == null || current.version() != item.version() || current.at().plus(IN_FLIGHT).isBefore(now) ? claim : current);
    if (existing != claim) {
      throw new ApiException(409, "ALREADY_DECIDED", existing.curator() + " decided this resource a moment ago; nothing was changed.");
    }
    var decision = new ReviewDecision(ReviewDecision.VERSION, UUID.randomUUID().toString(), resourceId, verdict,
        request.reason(), request.edits() == null ? Edits.none() : request.edits(), curator, now);
    try {
      publisher.send(Topics.DECISIONS, resourceId, decision);
    } catch (ApiException e) {
      inFlight.remove(resourceId, claim);
      throw e;
    }
    ctx.status(202).json(Map.of("decisionId", decision.decisionId(), "resourceId", resourceId, "decision", verdict.name()));
  }

  private static Verdict verdict(String raw) {
    if (raw == null) {
      throw ApiException.badRequest("INVALID_DECISION", "Say \"decision\": \"APPROVE\" or \"REJECT\".");
    }
    return switch (raw.trim().toUpperCase(Locale.ROOT)) {
      case "APPROVE" -> Verdict.APPROVE;
      case "REJECT" -> Verdict.REJECT;
      default -> throw ApiException.badRequest("INVALID_DECISION", "\"" + raw + "\" is not a decision; use APPROVE or REJECT.");
    };
  }

  static int intParam(Context ctx, String name, int fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("INVALID_PARAMETER", "'" + name + "' must be a whole number.");
    }
  }
}
