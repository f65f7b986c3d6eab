package org.skillshelf.publish.review;

import java.time.Instant;
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
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.kafka.EventSerde;
import org.skillshelf.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review queue as a Kafka Streams topology: enrichment results and curator decisions, both keyed
 * by {@code resourceId}, meet in one store; approvals, edits and withdrawals become catalogue
 * records (a withdrawal is a tombstone). A decision that does not fit the item's state (a second
 * curator deciding what another already decided) changes nothing.
 */
public final class ReviewTopology {
  public static final String STORE = "review-items";
  private static final Logger LOG = LoggerFactory.getLogger(ReviewTopology.class);
  private static final EventSerde<ReviewItem> ITEM_SERDE = EventSerde.of(ReviewItem.class, ReviewItem.VERSION);

  private ReviewTopology() {}

  /** The topology with its counters in a registry of its own (tests). */
  public static Topology build() {
    return build(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  /** The topology, counting decisions applied and refused as {@code skillshelf.review.decisions}. */
  public static Topology build(io.micrometer.core.instrument.MeterRegistry registry) {
    Topology topology = new Topology();
    topology.addSource("enriched-source", Serdes.String().deserializer(), Topics.ENRICHED.serde().deserializer(),
        Topics.ENRICHED.name());
    topology.addSource("decisions-source", Serdes.String().deserializer(), Topics.DECISIONS.serde().deserializer(),
        Topics.DECISIONS.name());
    topology.addProcessor("review", () -> new ReviewProcessor(registry), "enriched-source", "decisions-source");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), ITEM_SERDE),
        "review");
    topology.addSink("catalogue-sink", Topics.CATALOGUE.name(), Serdes.String().serializer(),
        Topics.CATALOGUE.serde().serializer(), "review");
    return topology;
  }

  private static final class ReviewProcessor implements Processor<String, Object, String, CatalogueRecord> {
    private final io.micrometer.core.instrument.MeterRegistry registry;

    ReviewProcessor(io.micrometer.core.instrument.MeterRegistry registry) {
      this.registry = registry;
    }

    private void count(ReviewDecision.Verdict verdict, String outcome) {
      io.micrometer.core.instrument.Counter.builder("skillshelf.review.decisions").tag("verdict", verdict.name())
          .tag("outcome", outcome).description("curator decisions applied or refused as conflicts").register(registry).increment();
    }

    private @Nullable KeyValueStore<String, ReviewItem> store;
    private @Nullable ProcessorContext<String, CatalogueRecord> context;

    @Override
    public void init(ProcessorContext<String, CatalogueRecord> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
      if (record.key() == null || record.value() == null) {
        return;
      }
      switch (record.value()) {
        case EnrichedResource enriched -> arrived(record, enriched);
        case ReviewDecision decision -> decide(record, decision);
        default -> LOG.warn("review ignores a {} for {}", record.value().getClass().getSimpleName(), record.key());
      }
    }

    private void arrived(Record<String, Object> record, EnrichedResource enriched) {
      ReviewItem previous = store().get(record.key());
      if (previous != null && !previous.state().awaitsDecision()) {
        // Re-enrichment of a decided resource only refreshes what the curators see later.
        store().put(record.key(), previous.refreshed(enriched));
        return;
      }
      ReviewItem item = ReviewItem.arrived(enriched, previous);
      store().put(record.key(), item);
      if (enriched.autoPublishBy() != null && item.state() == ReviewState.PENDING) {
        // A trusted import vouches for the skills it lists; only where it lists none do the
        // tagger's suggestions stand in.
        var edits = enriched.submitterSkills().isEmpty() ? ReviewDecision.Edits.none()
            : new ReviewDecision.Edits(null, null, enriched.submitterSkills(), null, null, null);
        approve(record, item, ReviewDecision.Verdict.APPROVE, edits, enriched.autoPublishBy(), enriched.at());
      }
    }

    private void decide(Record<String, Object> record, ReviewDecision decision) {
      ReviewItem item = store().get(record.key());
      if (item == null) {
        LOG.warn("decision {} names {}, which is not in the review queue", decision.decisionId(), record.key());
        return;
      }
      boolean fits = switch (decision.verdict()) {
        case APPROVE, REJECT -> item.state().awaitsDecision();
        case EDIT, WITHDRAW -> item.state() == ReviewState.APPROVED;
      };
      if (fits) {
        count(decision.verdict(), "applied");
      }
      switch (decision.verdict()) {
        case APPROVE -> {
          if (item.state().awaitsDecision()) {
            approve(record, item, decision.verdict(), decision.edits(), decision.curator(), decision.at());
          } else {
            conflict(decision, item);
          }
        }
        case REJECT -> {
          if (item.state().awaitsDecision()) {
            store().put(record.key(), item.decided(decision.verdict(), ReviewState.REJECTED, decision.curator(), decision.at(), decision.reason(), null));
          } else {
            conflict(decision, item);
          }
        }
        case EDIT -> {
          if (item.state() == ReviewState.APPROVED) {
            approve(record, item, decision.verdict(), decision.edits(), decision.curator(), decision.at());
          } else {
            conflict(decision, item);
          }
        }
        case WITHDRAW -> {
          if (item.state() == ReviewState.APPROVED) {
            store().put(record.key(), item.decided(decision.verdict(), ReviewState.WITHDRAWN, decision.curator(), decision.at(), decision.reason(), null));
            context().forward(new Record<>(record.key(), null, record.timestamp()));
          } else {
            conflict(decision, item);
          }
        }
      }
    }

    private void approve(Record<String, Object> record, ReviewItem item, ReviewDecision.Verdict verdict,
        ReviewDecision.Edits edits, String curator, Instant at) {
      CatalogueRecord published = CatalogueRecords.publish(item.enriched(), edits, item.published(), curator, at);
      store().put(record.key(), item.decided(verdict, ReviewState.APPROVED, curator, at, null, published));
      context().forward(new Record<>(record.key(), published, record.timestamp()));
    }

    private void conflict(ReviewDecision decision, ReviewItem item) {
      count(decision.verdict(), "conflict");
      LOG.info("decision {} by {} ({}) on {} ignored: the item is already {} by {}", decision.decisionId(),
          decision.curator(), decision.verdict(), item.resourceId(), item.state(), item.decidedBy());
    }

    private KeyValueStore<String, ReviewItem> store() {
      return java.util.Objects.requireNonNull(store);
    }

    private ProcessorContext<String, CatalogueRecord> context() {
      return java.util.Objects.requireNonNull(context);
    }
  }
}
