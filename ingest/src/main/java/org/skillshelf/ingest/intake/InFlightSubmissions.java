package org.skillshelf.ingest.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.skillshelf.events.SubmissionReceived;

/**
 * Suggestions acknowledged by Kafka that the intake topology may not have processed yet, kept for
 * a while so that their submitters see RECEIVED rather than "not found". Bounded both by age and by
 * count: a bulk import can accept tens of thousands within the age limit, and each held suggestion
 * costs a few hundred bytes of heap; past the count the oldest go first (by then the topology has
 * long since recorded them). Thread-safe.
 */
final class InFlightSubmissions {
  /** How many are held at most; about 3 MB of heap. */
  static final int MAX_HELD = 10_000;

  private final Duration remember;
  private final int maxHeld;
  private final Clock clock;
  private final Map<String, SubmissionReceived> byId = new HashMap<>();
  /** The same suggestions in the order they arrived, so expiry looks only at the oldest. */
  private final ArrayDeque<SubmissionReceived> arrivals = new ArrayDeque<>();

  InFlightSubmissions(Duration remember, int maxHeld, Clock clock) {
    if (maxHeld < 1) {
      throw new IllegalArgumentException("maxHeld must be at least 1: " + maxHeld);
    }
    this.remember = remember;
    this.maxHeld = maxHeld;
    this.clock = clock;
  }

  synchronized void remember(SubmissionReceived event) {
    Instant cutoff = clock.instant().minus(remember);
    while (!arrivals.isEmpty() && (arrivals.size() >= maxHeld || arrivals.peekFirst().at().isBefore(cutoff))) {
      SubmissionReceived oldest = arrivals.pollFirst();
      byId.remove(oldest.submissionId(), oldest);
    }
    byId.put(event.submissionId(), event);
    arrivals.addLast(event);
  }

  synchronized Optional<SubmissionReceived> find(String submissionId) {
    return Optional.ofNullable(byId.get(submissionId));
  }

  synchronized int size() {
    return byId.size();
  }
}
