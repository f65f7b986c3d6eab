package org.skillshelf.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.events.Problem;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.kafka.LocalStores;
import org.skillshelf.kafka.Topics;

class IntakeTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  @TempDir Path state;
  private final LocalStores<ResourceStatus> statuses = new LocalStores<>(1); // the test driver has one partition
  private TopologyTestDriver driver;
  private boolean closed;
  private TestInputTopic<String, SubmissionReceived> submissions;
  private TestInputTopic<String, EnrichedResource> enriched;
  private TestInputTopic<String, CatalogueRecord> catalogue;
  private TestOutputTopic<String, EnrichmentRequest> requests;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "intake-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    driver = new TopologyTestDriver(IntakeTopology.build(new SimpleMeterRegistry(), statuses), props);
    submissions = driver.createInputTopic(Topics.SUBMISSIONS.name(), Serdes.String().serializer(), Topics.SUBMISSIONS.serde().serializer());
    enriched = driver.createInputTopic(Topics.ENRICHED.name(), Serdes.String().serializer(), Topics.ENRICHED.serde().serializer());
    catalogue = driver.createInputTopic(Topics.CATALOGUE.name(), Serdes.String().serializer(), Topics.CATALOGUE.serde().serializer());
    requests = driver.createOutputTopic(Topics.ENRICHMENT_REQUESTS.name(), Serdes.String().deserializer(), Topics.ENRICHMENT_REQUESTS.serde().deserializer());
  }

  @AfterEach
  void stop() {
    if (!closed) {
      driver.close();
    }
  }

  private static SubmissionReceived suggestion(String submissionId, String note) {
    return new SubmissionReceived(1, submissionId, "r1", "https://example.org/a?utm_source=x", "https://example.org/a", note,
        List.of(), null, "api", null, null, T0);
  }

  private ResourceStatus status() {
    KeyValueStore<String, ResourceStatus> store = driver.getKeyValueStore(IntakeTopology.STORE);
    return store.get("r1");
  }

  @Test
  void theFirstSuggestionIsEnrichedAndLaterOnesAreOnlyRecorded() {
    submissions.pipeInput("r1", suggestion("r1.a", "first"));
    submissions.pipeInput("r1", suggestion("r1.b", "second"));
    assertThat(requests.readValuesToList()).hasSize(1).first().extracting(EnrichmentRequest::submissionId).isEqualTo("r1.a");
    assertThat(status().suggestions()).extracting(ResourceStatus.Suggestion::note).containsExactly("first", "second");
    assertThat(status().status()).isEqualTo(SubmissionStatus.ENRICHING);
  }

  @Test
  void theStatusStoreIsHandedToLocalReadersUntilItsTaskCloses() {
    submissions.pipeInput("r1", suggestion("r1.a", "first"));
    assertThat(statuses.get("r1")).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(SubmissionStatus.ENRICHING));
    assertThat(statuses.get("r2")).isEmpty();
    assertThat(statuses.holds("r2")).as("one partition, held").isTrue();
    driver.close();
    closed = true;
    assertThat(statuses.size()).isZero();
    assertThat(statuses.holds("r1")).isFalse();
  }

  @Test
  void statusFollowsEnrichmentAndPublishing() {
    submissions.pipeInput("r1", suggestion("r1.a", null));
    enriched.pipeInput("r1", enrichedResult(EnrichedResource.EnrichmentStatus.ENRICHED, null));
    assertThat(status().status()).isEqualTo(SubmissionStatus.IN_REVIEW);
    catalogue.pipeInput("r1", published());
    assertThat(status().status()).isEqualTo(SubmissionStatus.PUBLISHED);
    catalogue.pipeInput("r1", (CatalogueRecord) null);
    assertThat(status().status()).isEqualTo(SubmissionStatus.WITHDRAWN);
    assertThat(status().history()).extracting(ResourceStatus.StatusChange::status).containsExactly(
        SubmissionStatus.RECEIVED, SubmissionStatus.ENRICHING, SubmissionStatus.IN_REVIEW, SubmissionStatus.PUBLISHED, SubmissionStatus.WITHDRAWN);
  }

  @Test
  void aSuggestionOfAResourceWhoseEnrichmentFailedTriesAgain() {
    submissions.pipeInput("r1", suggestion("r1.a", null));
    enriched.pipeInput("r1", enrichedResult(EnrichedResource.EnrichmentStatus.FAILED, new Problem("HTTP_503", "the server answered 503")));
    assertThat(status().status()).isEqualTo(SubmissionStatus.FAILED);
    assertThat(status().detail()).isEqualTo("the server answered 503");
    submissions.pipeInput("r1", suggestion("r1.b", null));
    assertThat(requests.readValuesToList()).hasSize(2);
  }

  private static EnrichedResource enrichedResult(EnrichedResource.EnrichmentStatus status, Problem problem) {
    return new EnrichedResource(1, "r1", "https://example.org/a", null, status, ResourceMetadata.empty(), "", 0, List.of(), List.of(),
        List.of(), null, problem, null, T0);
  }

  private static CatalogueRecord published() {
    return new CatalogueRecord(1, "r1", "https://example.org/a", "A", null, List.of(), null, null, null, null, null, List.of(), null,
        null, null, List.of(), "", 0, "ada", T0, T0);
  }
}
