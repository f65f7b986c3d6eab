package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkCheckRequest;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.Topics;
import org.skillshelf.linkcheck.health.HealthRules;
import org.skillshelf.testing.TickingClock;

class LinkScheduleTopologyTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(10);

  @TempDir Path stateDir;
  /** Moved together with the driver's wall clock. */
  private final TickingClock clock = new TickingClock(T0);
  private TopologyTestDriver driver;
  private TestInputTopic<String, CatalogueRecord> catalogue;
  private TestInputTopic<String, LinkCheck> checks;
  private TestOutputTopic<String, LinkCheckRequest> requests;
  private TestOutputTopic<String, LinkHealth> health;

  @BeforeEach
  void open() {
    openDriver();
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void openDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "linkcheck-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    var settings = new LinkScheduleTopology.Settings(INTERVAL, new HealthRules(2, Duration.ZERO), clock, new Random(7));
    driver = new TopologyTestDriver(LinkScheduleTopology.build(settings), props, T0);
    catalogue = driver.createInputTopic(Topics.CATALOGUE.name(), Serdes.String().serializer(), Topics.CATALOGUE.serde().serializer());
    checks = driver.createInputTopic(Topics.LINK_CHECKS.name(), Serdes.String().serializer(), Topics.LINK_CHECKS.serde().serializer());
    requests = driver.createOutputTopic(Topics.LINK_CHECK_REQUESTS.name(), Serdes.String().deserializer(),
        Topics.LINK_CHECK_REQUESTS.serde().deserializer());
    health = driver.createOutputTopic(Topics.LINK_HEALTH.name(), Serdes.String().deserializer(), Topics.LINK_HEALTH.serde().deserializer());
  }

  private void advance(Duration by) {
    clock.advance(by);
    driver.advanceWallClockTime(by);
  }

  private static CatalogueRecord record(String id, String url) {
    return new CatalogueRecord(CatalogueRecord.VERSION, id, url, "A title", null, List.of(), null, "en", null, null, null,
        List.of(), null, null, null, List.of(), "main text", 42L, "ada", T0, T0);
  }

  private void answer(LinkCheckRequest request, CheckOutcome outcome) {
    checks.pipeInput(request.resourceId(), new LinkCheck(LinkCheck.VERSION, request.resourceId(), request.url(), outcome,
        200, request.url(), 5, null, clock.instant()));
  }

  @Test
  void aNewLinkIsRequestedOnceWithinTheFirstWindowCarryingItsFingerprint() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    List<LinkCheckRequest> sent = requests.readValuesToList();
    assertThat(sent).hasSize(1);
    assertThat(sent.getFirst().fingerprint()).isEqualTo(42L);
  }

  @Test
  void requestsAreKeyedByHostSoOneHostsChecksShareAPartition() {
    catalogue.pipeInput("r1", record("r1", "https://Example.org/a"));
    catalogue.pipeInput("r2", record("r2", "https://example.org:8443/b"));
    catalogue.pipeInput("r3", record("r3", "https://other.example/c"));
    advance(Duration.ofSeconds(31));
    var sent = requests.readKeyValuesToList();
    assertThat(sent).extracting(kv -> kv.value.resourceId() + "@" + kv.key)
        .containsExactlyInAnyOrder("r1@example.org", "r2@example.org", "r3@other.example");
  }

  @Test
  void aDueLinkGetsExactlyOneRequestPerInterval() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    for (int cycle = 0; cycle < 3; cycle++) {
      advance(Duration.ofSeconds(31));
      List<LinkCheckRequest> sent = requests.readValuesToList();
      assertThat(sent).as("cycle %d", cycle).hasSize(1);
      answer(sent.getFirst(), CheckOutcome.OK);
      advance(INTERVAL.multipliedBy(8).dividedBy(10)); // before the earliest jittered due time
      assertThat(requests.readValuesToList()).as("nothing early in cycle %d", cycle).isEmpty();
      advance(INTERVAL.multipliedBy(3).dividedBy(10).minusSeconds(31)); // past the latest due time
    }
  }

  @Test
  void aRepublishedRecordDoesNotDoubleSchedule() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    assertThat(requests.readValuesToList()).hasSize(1);
  }

  @Test
  void hardFailuresBreakTheLinkAndAreRetriedSooner() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    answer(requests.readValuesToList().getFirst(), CheckOutcome.NOT_FOUND);
    advance(INTERVAL.dividedBy(4).plus(INTERVAL.dividedBy(20)));
    List<LinkCheckRequest> retry = requests.readValuesToList();
    assertThat(retry).as("re-checked after a quarter interval").hasSize(1);
    answer(retry.getFirst(), CheckOutcome.NOT_FOUND);
    List<LinkHealth> states = health.readValuesToList();
    assertThat(states).extracting(LinkHealth::state).containsExactly(LinkState.DEGRADED, LinkState.BROKEN);
  }

  @Test
  void aRepeatedAnswerToOneRequestIsCountedOnce() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    LinkCheckRequest request = requests.readValuesToList().getFirst();
    answer(request, CheckOutcome.NOT_FOUND);
    answer(request, CheckOutcome.NOT_FOUND); // the worker crashed before committing and checked again
    assertThat(health.readValuesToList()).extracting(LinkHealth::state).containsExactly(LinkState.DEGRADED);
  }

  @Test
  void anUnansweredRequestIsSentAgainAfterTheSilenceTimeout() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    assertThat(requests.readValuesToList()).hasSize(1);
    advance(Duration.ofMinutes(2));
    assertThat(requests.readValuesToList()).as("still waiting for the answer").isEmpty();
    advance(Duration.ofSeconds(31)); // past the silence timeout: max(interval / 4, 2 min) = 2.5 min
    assertThat(requests.readValuesToList()).hasSize(1);
  }

  @Test
  void aWithdrawnLinkIsNoLongerChecked() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    catalogue.pipeInput("r1", (CatalogueRecord) null);
    advance(INTERVAL);
    assertThat(requests.readValuesToList()).isEmpty();
  }
}
