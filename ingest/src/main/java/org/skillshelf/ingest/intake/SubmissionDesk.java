package org.skillshelf.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.events.Submitter;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.Topics;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.url.CanonicalUrl;
import org.skillshelf.url.InvalidUrlException;
import org.skillshelf.url.TrackingParameters;
import org.skillshelf.web.ApiException;

/**
 * Where every suggestion arrives, whatever the channel (API, form, bulk import): it is validated,
 * canonicalised, checked against what is already known, and written to the submissions topic. The
 * answer is given only after Kafka acknowledged the record.
 */
public final class SubmissionDesk {
  static final int MAX_NOTE = 2_000;
  static final int MAX_NAME = 200;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

  private final EventPublisher publisher;
  private final StatusBoard board;
  private final TargetCheck targets;
  private final Taxonomy taxonomy;
  private final TrackingParameters tracking;
  private final Clock clock;
  private final Timer accepted;
  private final Counter acceptedCount;
  private final Counter rejectedCount;

  public SubmissionDesk(EventPublisher publisher, StatusBoard board, TargetCheck targets, Taxonomy taxonomy,
      TrackingParameters tracking, Clock clock, MeterRegistry registry) {
    this.publisher = publisher;
    this.board = board;
    this.targets = targets;
    this.taxonomy = taxonomy;
    this.tracking = tracking;
    this.clock = clock;
    this.accepted = Timer.builder("skillshelf.ingest.accept").description("time to validate and durably record a suggestion").register(registry);
    this.acceptedCount = counter(registry, "accepted");
    this.rejectedCount = counter(registry, "rejected");
  }

  /** One suggestion, as the submitter sent it. */
  public record Suggestion(String url, @Nullable String note, List<String> skills, @Nullable Submitter submitter,
      @Nullable String title, String channel, @Nullable String autoPublishBy) {}

  /** The checked form of a suggestion, ready to be recorded. */
  public record Checked(SubmissionReceived event, Optional<ResourceStatus> known) {}

  /** Validates a suggestion; throws {@link ApiException} with the contract's code when it is refused. */
  public Checked check(Suggestion s) {
    CanonicalUrl canonical;
    try {
      canonical = CanonicalUrl.of(s.url(), tracking);
    } catch (InvalidUrlException e) {
      throw rejected(ApiException.badRequest(e.code(), e.getMessage()));
    }
    try {
      targets.check(canonical.host());
    } catch (ApiException e) {
      throw rejected(e);
    }
    for (String skill : s.skills()) {
      if (!taxonomy.contains(skill)) {
        throw rejected(ApiException.badRequest("UNKNOWN_SKILL", "\"" + bounded(skill, 80) + "\" is not a skill of this catalogue; see /api/taxonomy."));
      }
    }
    String resourceId = canonical.resourceId();
    var event = new SubmissionReceived(SubmissionReceived.VERSION, SubmissionId.newFor(resourceId), resourceId,
        s.url().trim(), canonical.value(), bounded(s.note(), MAX_NOTE), s.skills(), cleanSubmitter(s.submitter()),
        s.channel(), s.autoPublishBy(), bounded(s.title(), 300), clock.instant());
    return new Checked(event, board.find(resourceId));
  }

  /** Validates and records one suggestion. */
  public SubmissionAnswer accept(Suggestion s) {
    return accepted.record(() -> {
      Checked checked = check(s);
      publisher.send(Topics.SUBMISSIONS, checked.event().resourceId(), checked.event());
      board.accepted(checked.event());
      return answer(checked);
    });
  }

  /**
   * Validates a suggestion at once (a refusal is thrown as an {@link ApiException}) and records it
   * without holding the caller's thread: the answer completes once Kafka acknowledged the record,
   * or fails with a 503 when it did not.
   */
  public CompletableFuture<SubmissionAnswer> acceptLater(Suggestion s) {
    long start = System.nanoTime();
    Checked checked = check(s);
    return publisher.publish(Topics.SUBMISSIONS, checked.event().resourceId(), checked.event()).thenApply(ack -> {
      board.accepted(checked.event());
      accepted.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      return answer(checked);
    });
  }

  /**
   * Records checked suggestions in one round trip: every record is sent before any acknowledgement
   * is awaited. Throws a 503 {@link ApiException} when Kafka did not acknowledge them all.
   */
  public List<SubmissionAnswer> recordAll(List<Checked> checked) {
    List<Future<RecordMetadata>> pending = new ArrayList<>(checked.size());
    for (Checked c : checked) {
      pending.add(publisher.sendAsync(Topics.SUBMISSIONS, c.event().resourceId(), c.event()));
    }
    pending.forEach(p -> publisher.await(p, Topics.SUBMISSIONS));
    checked.forEach(c -> board.accepted(c.event()));
    return checked.stream().map(this::answer).toList();
  }

  public SubmissionAnswer answer(Checked checked) {
    acceptedCount.increment();
    SubmissionReceived e = checked.event();
    return checked.known()
        .map(known -> new SubmissionAnswer(e.submissionId(), e.resourceId(), known.status().name(), true,
            "This resource was suggested before and is " + known.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + "; your suggestion has been recorded with it."))
        .orElseGet(() -> new SubmissionAnswer(e.submissionId(), e.resourceId(), SubmissionStatus.RECEIVED.name(), false, null));
  }

  private ApiException rejected(ApiException e) {
    rejectedCount.increment();
    return e;
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("skillshelf.ingest.submissions").tag("outcome", outcome)
        .description("suggestions accepted or refused").register(registry);
  }

  private static @Nullable Submitter cleanSubmitter(@Nullable Submitter submitter) {
    if (submitter == null) {
      return null;
    }
    return new Submitter(bounded(submitter.name(), MAX_NAME), bounded(submitter.email(), MAX_NAME));
  }

  private static @Nullable String bounded(@Nullable String value, int max) {
    if (value == null) {
      return null;
    }
    String trimmed = CONTROL.matcher(value.strip()).replaceAll("");
    if (trimmed.isEmpty()) {
      return null;
    }
    return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
  }
}
