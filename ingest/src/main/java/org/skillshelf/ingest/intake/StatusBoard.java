package org.skillshelf.ingest.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.kafka.StreamsApp;

/**
 * Reads resources' status from the intake topology's store. A suggestion acknowledged by Kafka but
 * not yet processed by the topology is remembered here for a while, so its submitter sees RECEIVED
 * rather than "not found" in the moment between the two.
 */
public final class StatusBoard {
  private static final Duration REMEMBER = Duration.ofMinutes(10);

  private final StreamsApp intake;
  private final Clock clock;
  private final Map<String, SubmissionReceived> recent = new ConcurrentHashMap<>();
  /** The same suggestions in the order they arrived, so expiry looks only at the oldest. */
  private final Queue<SubmissionReceived> arrivals = new ConcurrentLinkedQueue<>();

  public StatusBoard(StreamsApp intake, Clock clock) {
    this.intake = intake;
    this.clock = clock;
  }

  public Optional<ResourceStatus> find(String resourceId) {
    return Optional.ofNullable(intake.<String, ResourceStatus>store(IntakeTopology.STORE).get(resourceId));
  }

  void accepted(SubmissionReceived event) {
    Instant cutoff = clock.instant().minus(REMEMBER);
    for (SubmissionReceived oldest = arrivals.peek(); oldest != null && oldest.at().isBefore(cutoff); oldest = arrivals.peek()) {
      if (arrivals.remove(oldest)) {
        recent.remove(oldest.submissionId());
      }
    }
    recent.put(event.submissionId(), event);
    arrivals.add(event);
  }

  /** The status of the resource a submission suggested, including suggestions still in flight. */
  public Optional<ResourceStatus> forSubmission(String submissionId) {
    Optional<String> resourceId = SubmissionId.resourceIdOf(submissionId);
    if (resourceId.isEmpty()) {
      return Optional.empty();
    }
    Optional<ResourceStatus> known = find(resourceId.get())
        .filter(s -> s.suggestions().stream().anyMatch(x -> x.submissionId().equals(submissionId)));
    if (known.isPresent()) {
      return known;
    }
    SubmissionReceived pending = recent.get(submissionId);
    if (pending == null) {
      return Optional.empty();
    }
    return Optional.of(new ResourceStatus(ResourceStatus.VERSION, pending.resourceId(), pending.url(), pending.canonicalUrl(),
        SubmissionStatus.RECEIVED, List.of(new ResourceStatus.StatusChange(SubmissionStatus.RECEIVED, pending.at(), null)),
        List.of(), null));
  }
}
