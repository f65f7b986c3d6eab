package org.skillshelf.ingest.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.kafka.LocalStores;
import org.skillshelf.kafka.StreamsApp;

/**
 * Reads resources' status from the intake topology's store. A suggestion acknowledged by Kafka but
 * not yet processed by the topology is remembered here for a while, so its submitter sees RECEIVED
 * rather than "not found" in the moment between the two.
 */
public final class StatusBoard {
  private static final Duration REMEMBER = Duration.ofMinutes(10);

  private final StreamsApp intake;
  private final LocalStores<ResourceStatus> statuses;
  private final InFlightSubmissions inFlight;

  /** @param statuses the instances of the intake topology's status store (see {@link IntakeTopology#build}) */
  public StatusBoard(StreamsApp intake, LocalStores<ResourceStatus> statuses, Clock clock) {
    this.intake = intake;
    this.statuses = statuses;
    this.inFlight = new InFlightSubmissions(REMEMBER, InFlightSubmissions.MAX_HELD, clock);
  }

  public Optional<ResourceStatus> find(String resourceId) {
    return intake.lookUp(statuses, resourceId);
  }

  void accepted(SubmissionReceived event) {
    inFlight.remember(event);
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
    return inFlight.find(submissionId).map(pending -> new ResourceStatus(ResourceStatus.VERSION, pending.resourceId(), pending.url(),
        pending.canonicalUrl(), SubmissionStatus.RECEIVED,
        List.of(new ResourceStatus.StatusChange(SubmissionStatus.RECEIVED, pending.at(), null)), List.of(), null));
  }
}
