package org.skillshelf.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.kafka.EventSerde;
import org.skillshelf.kafka.LocalStores;
import org.skillshelf.kafka.Topics;

/**
 * De-duplication and status as one Kafka Streams topology. Suggestions, enrichment results,
 * decisions and catalogue changes are all keyed by {@code resourceId}, so they meet on one
 * partition: the first suggestion of a resource becomes an enrichment request, later ones are only
 * recorded, and every later event moves the resource's status.
 */
public final class IntakeTopology {
  public static final String STORE = "resource-status";
  private static final EventSerde<ResourceStatus> STATUS_SERDE = EventSerde.of(ResourceStatus.class, ResourceStatus.VERSION);

  private IntakeTopology() {}

  /** The topology with its counters in a registry of its own (tests). */
  public static Topology build() {
    return build(new SimpleMeterRegistry(), new LocalStores<>(1));
  }

  /**
   * The topology, counting suggestions as {@code skillshelf.intake.suggestions{outcome=new|duplicate|retry}}
   * and handing its status store's instances to {@code statuses} for the submission path's reads.
   */
  public static Topology build(MeterRegistry registry, LocalStores<ResourceStatus> statuses) {
    Topology topology = new Topology();
    topology.addSource("submissions-source", Serdes.String().deserializer(), Topics.SUBMISSIONS.serde().deserializer(), Topics.SUBMISSIONS.name());
    topology.addSource("enriched-source", Serdes.String().deserializer(), Topics.ENRICHED.serde().deserializer(), Topics.ENRICHED.name());
    topology.addSource("decisions-source", Serdes.String().deserializer(), Topics.DECISIONS.serde().deserializer(), Topics.DECISIONS.name());
    topology.addSource("catalogue-source", Serdes.String().deserializer(), Topics.CATALOGUE.serde().deserializer(), Topics.CATALOGUE.name());
    topology.addProcessor("intake", () -> new IntakeProcessor(registry, statuses), "submissions-source", "enriched-source", "decisions-source", "catalogue-source");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), STATUS_SERDE), "intake");
    topology.addSink("enrichment-requests-sink", Topics.ENRICHMENT_REQUESTS.name(), Serdes.String().serializer(),
        Topics.ENRICHMENT_REQUESTS.serde().serializer(), "intake");
    return topology;
  }

  private static final class IntakeProcessor implements Processor<String, Object, String, EnrichmentRequest> {
    private final Map<String, Counter> suggestions = new HashMap<>();
    private final MeterRegistry registry;
    private final LocalStores<ResourceStatus> statuses;

    IntakeProcessor(MeterRegistry registry, LocalStores<ResourceStatus> statuses) {
      this.registry = registry;
      this.statuses = statuses;
    }

    private void count(String outcome) {
      suggestions.computeIfAbsent(outcome, o -> Counter.builder("skillshelf.intake.suggestions").tag("outcome", o)
          .description("suggestions by what intake did with them").register(registry)).increment();
    }

    private @Nullable KeyValueStore<String, ResourceStatus> store;
    private @Nullable ProcessorContext<String, EnrichmentRequest> context;

    @Override
    public void init(ProcessorContext<String, EnrichmentRequest> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
      statuses.attach(context.taskId(), store());
    }

    @Override
    public void close() {
      statuses.detach(context().taskId(), store());
    }

    @Override
    public void process(Record<String, Object> record) {
      String key = record.key();
      if (key == null) {
        return;
      }
      ResourceStatus current = store().get(key);
      ResourceStatus next = switch (record.value()) {
        case SubmissionReceived s -> suggested(record, s, current);
        case EnrichedResource e when current != null -> e.status() == EnrichedResource.EnrichmentStatus.ENRICHED
            ? current.moved(SubmissionStatus.IN_REVIEW, e.at(), null)
            : current.moved(SubmissionStatus.FAILED, e.at(), e.error() == null ? null : e.error().message());
        case ReviewDecision d when current != null && d.verdict() == ReviewDecision.Verdict.REJECT
            && (current.status() == SubmissionStatus.IN_REVIEW || current.status() == SubmissionStatus.FAILED) ->
            current.moved(SubmissionStatus.REJECTED, d.at(), d.reason());
        case CatalogueRecord c when current != null -> current.moved(SubmissionStatus.PUBLISHED, c.updatedAt(), null);
        case null -> current != null && isCatalogue() && current.status() == SubmissionStatus.PUBLISHED
            ? current.moved(SubmissionStatus.WITHDRAWN, Instant.ofEpochMilli(record.timestamp()), null) : current;
        default -> current;
      };
      if (next != null && next != current) {
        store().put(key, next);
      }
    }

    private ResourceStatus suggested(Record<String, Object> record, SubmissionReceived s, @Nullable ResourceStatus current) {
      var suggestion = new ResourceStatus.Suggestion(s.submissionId(),
          s.submitter() == null ? null : s.submitter().name(), s.note(), s.channel(), s.at());
      if (current != null && !current.needsEnrichment()) {
        count("duplicate");
        return current.suggested(suggestion);
      }
      count(current == null ? "new" : "retry");
      ResourceStatus status = current != null ? current.suggested(suggestion)
          : new ResourceStatus(ResourceStatus.VERSION, s.resourceId(), s.url(), s.canonicalUrl(), SubmissionStatus.RECEIVED,
              java.util.List.of(), java.util.List.of(suggestion), null).moved(SubmissionStatus.RECEIVED, s.at(), null);
      var request = new EnrichmentRequest(EnrichmentRequest.VERSION, s.resourceId(), s.canonicalUrl(), s.submissionId(),
          s.skills(), s.autoPublishBy(), s.title(), s.at());
      context().forward(new Record<>(record.key(), request, record.timestamp()));
      return status.moved(SubmissionStatus.ENRICHING, s.at(), null);
    }

    private boolean isCatalogue() {
      return context().recordMetadata().map(m -> m.topic().equals(Topics.CATALOGUE.name())).orElse(false);
    }

    private KeyValueStore<String, ResourceStatus> store() {
      return Objects.requireNonNull(store);
    }

    private ProcessorContext<String, EnrichmentRequest> context() {
      return Objects.requireNonNull(context);
    }
  }
}
