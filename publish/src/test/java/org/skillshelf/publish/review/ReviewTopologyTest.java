package org.skillshelf.publish.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.events.ReviewDecision.Verdict;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.kafka.Topics;

class ReviewTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  @TempDir Path state;
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedResource> enriched;
  private TestInputTopic<String, ReviewDecision> decisions;
  private TestOutputTopic<String, CatalogueRecord> catalogue;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "review-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    driver = new TopologyTestDriver(ReviewTopology.build(), props);
    enriched = driver.createInputTopic(Topics.ENRICHED.name(), Serdes.String().serializer(), Topics.ENRICHED.serde().serializer());
    decisions = driver.createInputTopic(Topics.DECISIONS.name(), Serdes.String().serializer(), Topics.DECISIONS.serde().serializer());
    catalogue = driver.createOutputTopic(Topics.CATALOGUE.name(), Serdes.String().deserializer(), Topics.CATALOGUE.serde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static EnrichedResource enrichedResource(String autoPublishBy) {
    var metadata = ResourceMetadata.empty().withTitle("Git for librarians");
    return new EnrichedResource(1, "r1", "https://example.org/git", null, EnrichedResource.EnrichmentStatus.ENRICHED, metadata,
        "text about git", 42, List.of(new SkillSuggestion("version-control", "Version control", 0.9, List.of("git"))), List.of(),
        List.of(), null, null, autoPublishBy, T0);
  }

  private static ReviewDecision decision(Verdict verdict, String curator, Edits edits) {
    return new ReviewDecision(1, curator + verdict, "r1", verdict, verdict == Verdict.REJECT ? "off topic" : null, edits, curator, T0.plusSeconds(60));
  }

  private ReviewItem item() {
    KeyValueStore<String, ReviewItem> store = driver.getKeyValueStore(ReviewTopology.STORE);
    return store.get("r1");
  }

  @Test
  void approvalWithAnEditedTitlePublishesTheSuggestedSkills() {
    enriched.pipeInput("r1", enrichedResource(null));
    decisions.pipeInput("r1", decision(Verdict.APPROVE, "ada", new Edits("Git, gently", null, null, null, null, null)));
    CatalogueRecord record = catalogue.readValue();
    assertThat(record.title()).isEqualTo("Git, gently");
    assertThat(record.skills()).containsExactly("version-control");
    assertThat(record.approvedBy()).isEqualTo("ada");
    assertThat(item().state()).isEqualTo(ReviewState.APPROVED);
  }

  @Test
  void aSecondCuratorsDecisionChangesNothing() {
    enriched.pipeInput("r1", enrichedResource(null));
    decisions.pipeInput("r1", decision(Verdict.REJECT, "ada", Edits.none()));
    decisions.pipeInput("r1", decision(Verdict.APPROVE, "grace", Edits.none()));
    assertThat(catalogue.isEmpty()).isTrue();
    assertThat(item().state()).isEqualTo(ReviewState.REJECTED);
    assertThat(item().decidedBy()).isEqualTo("ada");
  }

  @Test
  void withdrawalWritesATombstone() {
    enriched.pipeInput("r1", enrichedResource(null));
    decisions.pipeInput("r1", decision(Verdict.APPROVE, "ada", Edits.none()));
    decisions.pipeInput("r1", decision(Verdict.WITHDRAW, "ada", Edits.none()));
    List<KeyValue<String, CatalogueRecord>> out = catalogue.readKeyValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).value).isNull();
    assertThat(item().state()).isEqualTo(ReviewState.WITHDRAWN);
  }

  @Test
  void anEditWithANewLinkRepublishesWithItAndLaterEditsKeepIt() {
    enriched.pipeInput("r1", enrichedResource(null));
    decisions.pipeInput("r1", decision(Verdict.APPROVE, "ada", Edits.none()));
    decisions.pipeInput("r1", decision(Verdict.EDIT, "ada", Edits.newUrl("https://example.net/git-moved")));
    decisions.pipeInput("r1", decision(Verdict.EDIT, "ada", new Edits("Git, moved", null, null, null, null, null)));
    List<CatalogueRecord> out = catalogue.readValuesToList();
    assertThat(out).extracting(CatalogueRecord::url)
        .containsExactly("https://example.org/git", "https://example.net/git-moved", "https://example.net/git-moved");
    assertThat(out.getLast().title()).isEqualTo("Git, moved");
  }

  @Test
  void aReplacedLinkDropsTheOldPagesFingerprintSoDriftIsNotClaimed() {
    enriched.pipeInput("r1", enrichedResource(null));
    decisions.pipeInput("r1", decision(Verdict.APPROVE, "ada", Edits.none()));
    decisions.pipeInput("r1", decision(Verdict.EDIT, "ada", Edits.newUrl("https://example.net/git-moved")));
    assertThat(catalogue.readValuesToList()).extracting(CatalogueRecord::fingerprint).containsExactly(42L, 0L);
  }

  @Test
  void aTrustedBulkImportIsPublishedWithoutReview() {
    enriched.pipeInput("r1", enrichedResource("grace"));
    CatalogueRecord record = catalogue.readValue();
    assertThat(record.approvedBy()).isEqualTo("grace");
    assertThat(record.skills()).containsExactly("version-control");
  }

  @Test
  void aTrustedBulkImportKeepsTheSkillsItListed() {
    var resource = enrichedResource("grace");
    var withSkills = new EnrichedResource(1, "r1", resource.url(), null, resource.status(), resource.metadata(), resource.mainText(),
        resource.fingerprint(), resource.suggestedSkills(), List.of("open-data"), List.of(), null, null, "grace", T0);
    enriched.pipeInput("r1", withSkills);
    assertThat(catalogue.readValue().skills()).containsExactly("open-data");
  }
}
