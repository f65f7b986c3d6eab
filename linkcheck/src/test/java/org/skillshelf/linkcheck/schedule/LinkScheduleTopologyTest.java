package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final HeldChecks checks = new HeldChecks();
  private TopologyTestDriver driver;
  private TestInputTopic<String, CatalogueRecord> catalogue;
  private TestOutputTopic<String, LinkHealth> health;

  /** Keeps every check handed over until the test answers it. */
  private static final class HeldChecks implements CheckRunner {
    private final Map<LinkCheckRequest, Listener> open = new LinkedHashMap<>();
    private final List<LinkCheckRequest> handedOver = new ArrayList<>();

    @Override
    public void submit(LinkCheckRequest request, Listener listener) {
      open.put(request, listener);
      handedOver.add(request);
    }

    @Override
    public int inFlight() {
      return open.size();
    }

    /** The checks handed over since the last call. */
    List<LinkCheckRequest> taken() {
      List<LinkCheckRequest> taken = List.copyOf(handedOver);
      handedOver.clear();
      return taken;
    }

    void answer(LinkCheckRequest request, CheckOutcome outcome, Instant at, long goodBody) {
      open.remove(request).checked(new LinkCheck(LinkCheck.VERSION, request.resourceId(), request.url(), outcome, 200, request.url(),
          5, null, at), goodBody);
    }

    void putOff(LinkCheckRequest request, Duration retryIn) {
      open.remove(request).notChecked(retryIn, "the host asked for a break");
    }
  }

  @BeforeEach
  void open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "linkcheck-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    var settings = new LinkScheduleTopology.Settings(INTERVAL, new HealthRules(2, Duration.ZERO), clock, new Random(7));
    driver = new TopologyTestDriver(LinkScheduleTopology.build(settings, checks), props, T0);
    catalogue = driver.createInputTopic(Topics.CATALOGUE.name(), Serdes.String().serializer(), Topics.CATALOGUE.serde().serializer());
    health = driver.createOutputTopic(Topics.LINK_HEALTH.name(), Serdes.String().deserializer(), Topics.LINK_HEALTH.serde().deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void advance(Duration by) {
    clock.advance(by);
    driver.advanceWallClockTime(by);
  }

  /** Answers the check and lets a tick apply the answer. */
  private void answer(LinkCheckRequest request, CheckOutcome outcome) {
    checks.answer(request, outcome, clock.instant(), 0);
    advance(Duration.ofMillis(200));
  }

  private static CatalogueRecord record(String id, String url) {
    return record(id, url, 42L);
  }

  private static CatalogueRecord record(String id, String url, long fingerprint) {
    return new CatalogueRecord(CatalogueRecord.VERSION, id, url, "A title", null, List.of(), null, "en", null, null, null,
        List.of(), null, null, null, List.of(), "main text", fingerprint, "ada", T0, T0);
  }

  @Test
  void aNewLinkIsHandedOverOnceWithinTheFirstWindowCarryingItsFingerprint() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    List<LinkCheckRequest> taken = checks.taken();
    assertThat(taken).extracting(LinkCheckRequest::url).containsExactly("https://example.org/a");
    assertThat(taken.getFirst().fingerprint()).isEqualTo(42L);
  }

  @Test
  void aDueLinkIsCheckedExactlyOncePerInterval() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    for (int cycle = 0; cycle < 3; cycle++) {
      advance(Duration.ofSeconds(31));
      List<LinkCheckRequest> taken = checks.taken();
      assertThat(taken).as("cycle %d", cycle).hasSize(1);
      answer(taken.getFirst(), CheckOutcome.OK);
      advance(INTERVAL.multipliedBy(8).dividedBy(10)); // before the earliest jittered due time
      assertThat(checks.taken()).as("nothing early in cycle %d", cycle).isEmpty();
      advance(INTERVAL.multipliedBy(3).dividedBy(10).minusSeconds(31)); // past the latest due time
    }
    assertThat(stored("r1").history()).as("every check in the store").hasSize(3);
    assertThat(health.readValuesToList()).as("only the first health is news").singleElement()
        .satisfies(h -> assertThat(h.state()).isEqualTo(LinkState.HEALTHY));
  }

  @Test
  void aHealthIsPublishedWhenItIsNewsAndOnlyStoredOtherwise() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    CheckOutcome[] outcomes = {CheckOutcome.OK, CheckOutcome.OK, CheckOutcome.NOT_FOUND, CheckOutcome.NOT_FOUND, CheckOutcome.OK,
        CheckOutcome.OK};
    for (CheckOutcome outcome : outcomes) {
      advance(INTERVAL.plus(INTERVAL.dividedBy(5)));
      answer(checks.taken().getFirst(), outcome);
    }
    assertThat(stored("r1").history()).hasSize(outcomes.length);
    assertThat(health.readValuesToList()).extracting(LinkHealth::state, LinkHealth::consecutiveFailures).containsExactly(
        tuple(LinkState.HEALTHY, 0), tuple(LinkState.DEGRADED, 1),
        tuple(LinkState.BROKEN, 2), tuple(LinkState.HEALTHY, 0));
  }

  @Test
  void aHealthyLinkThatNowRedirectsElsewhereIsNews() {
    var ok = new LinkCheck(LinkCheck.VERSION, "r1", "https://example.org/a", CheckOutcome.OK, 200, "https://example.org/a", 5, null, T0);
    var rules = new HealthRules(2, Duration.ZERO);
    LinkHealth before = rules.apply(null, ok);
    assertThat(LinkScheduleTopology.isNews(before, rules.apply(before, ok))).isFalse();
    var moved = new LinkCheck(LinkCheck.VERSION, "r1", "https://example.org/a", CheckOutcome.REDIRECTED, 200, "https://example.org/b",
        5, null, T0);
    assertThat(LinkScheduleTopology.isNews(before, rules.apply(before, moved))).isTrue();
  }

  private LinkHealth stored(String id) {
    return StoredHealth.decode(driver.<String, byte[]>getKeyValueStore(LinkScheduleTopology.HEALTH_STORE).get(id));
  }

  @Test
  void aLinkIsNotHandedOverAgainWhileItsCheckIsUnderWay() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    assertThat(checks.taken()).hasSize(1);
    advance(INTERVAL.multipliedBy(3));
    assertThat(checks.taken()).isEmpty();
    assertThat(checks.inFlight()).isEqualTo(1);
  }

  @Test
  void aRepublishedRecordDoesNotDoubleSchedule() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    assertThat(checks.taken()).hasSize(1);
  }

  @Test
  void hardFailuresBreakTheLinkAndAreRetriedSooner() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    answer(checks.taken().getFirst(), CheckOutcome.NOT_FOUND);
    advance(INTERVAL.dividedBy(4).plus(INTERVAL.dividedBy(20)));
    List<LinkCheckRequest> retry = checks.taken();
    assertThat(retry).as("re-checked after a quarter interval").hasSize(1);
    answer(retry.getFirst(), CheckOutcome.NOT_FOUND);
    assertThat(health.readValuesToList()).extracting(LinkHealth::state).containsExactly(LinkState.DEGRADED, LinkState.BROKEN);
  }

  @Test
  void aCheckPutOffByItsHostIsTriedAgainWhenTheHostAllows() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    checks.putOff(checks.taken().getFirst(), Duration.ofMinutes(3));
    advance(Duration.ofMillis(200)); // a tick hears of it
    advance(Duration.ofMinutes(2));
    assertThat(checks.taken()).as("the host's break is not over").isEmpty();
    advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(checks.taken()).extracting(LinkCheckRequest::resourceId).containsExactly("r1");
    assertThat(health.readValuesToList()).as("no health from a check not made").isEmpty();
  }

  @Test
  void aWithdrawnLinkIsNoLongerChecked() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    catalogue.pipeInput("r1", (CatalogueRecord) null);
    advance(INTERVAL);
    assertThat(checks.taken()).isEmpty();
  }

  @Test
  void aLinkWithdrawnWhileItIsCheckedGetsNoHealthAndItsHealthIsDeleted() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    answer(checks.taken().getFirst(), CheckOutcome.OK);
    advance(INTERVAL.plus(INTERVAL.dividedBy(5)));
    LinkCheckRequest second = checks.taken().getFirst();
    catalogue.pipeInput("r1", (CatalogueRecord) null);
    answer(second, CheckOutcome.OK);
    var written = health.readKeyValuesToList();
    assertThat(written).hasSize(2);
    assertThat(written.getLast().value).as("the tombstone comes last").isNull();
    advance(INTERVAL.multipliedBy(2));
    assertThat(checks.taken()).isEmpty();
  }

  @Test
  void aLinkMovedToAnotherHostIsCheckedThereOnly() {
    catalogue.pipeInput("r1", record("r1", "https://old.example/a"));
    advance(Duration.ofSeconds(31));
    answer(checks.taken().getFirst(), CheckOutcome.OK);
    catalogue.pipeInput("r1", record("r1", "https://new.example/a"));
    advance(Duration.ofSeconds(31));
    assertThat(checks.taken()).extracting(LinkCheckRequest::url).containsExactly("https://new.example/a");
    advance(INTERVAL.multipliedBy(2));
    assertThat(checks.taken()).as("the old address is not scheduled any more").extracting(LinkCheckRequest::url)
        .doesNotContain("https://old.example/a");
  }

  @Test
  void oneHostWithManyLinksDueGetsOnlyItsShareHandedOverAtOnce() {
    int many = LinkScheduleTopology.AHEAD_PER_HOST + 8;
    for (int n = 0; n < many; n++) {
      catalogue.pipeInput("big-" + n, record("big-" + n, "https://big.example/" + n));
    }
    catalogue.pipeInput("small", record("small", "https://small.example/a"));
    advance(Duration.ofSeconds(31));
    List<LinkCheckRequest> taken = checks.taken();
    assertThat(taken).filteredOn(r -> r.url().startsWith("https://big.example/")).hasSize(LinkScheduleTopology.AHEAD_PER_HOST);
    assertThat(taken).extracting(LinkCheckRequest::resourceId).contains("small");
    answer(taken.stream().filter(r -> r.url().startsWith("https://big.example/")).findFirst().orElseThrow(), CheckOutcome.OK);
    assertThat(checks.taken()).as("a finished check makes room for one more").hasSize(1);
  }

  @Test
  void theNextCheckKnowsThePageFoundFineUntilTheRecordIsReapprovedWithAnotherText() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    checks.answer(checks.taken().getFirst(), CheckOutcome.OK, clock.instant(), 77L);
    advance(Duration.ofMillis(200)); // a tick records it
    advance(INTERVAL.plus(INTERVAL.dividedBy(5)));
    LinkCheckRequest second = checks.taken().getFirst();
    assertThat(second.knownGoodBody()).isEqualTo(77L);
    checks.answer(second, CheckOutcome.OK, clock.instant(), 77L);
    advance(Duration.ofMillis(200));
    catalogue.pipeInput("r1", record("r1", "https://example.org/a", 43L));
    advance(INTERVAL.plus(INTERVAL.dividedBy(5)));
    LinkCheckRequest third = checks.taken().getFirst();
    assertThat(third.fingerprint()).isEqualTo(43L);
    assertThat(third.knownGoodBody()).as("the page is judged against the new text").isZero();
  }

  @Test
  void thePageFoundFineIsStoredWithTheHealthAndTheScheduleIsNotWritten() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    ScheduledLink scheduled = driver.<String, ScheduledLink>getKeyValueStore(LinkScheduleTopology.SCHEDULE_STORE).get("r1");
    checks.answer(checks.taken().getFirst(), CheckOutcome.OK, clock.instant(), 77L);
    advance(Duration.ofMillis(200));
    StoredHealth.Stored stored = StoredHealth.read(driver.<String, byte[]>getKeyValueStore(LinkScheduleTopology.HEALTH_STORE).get("r1"));
    assertThat(stored.knownGood()).isEqualTo(new StoredHealth.KnownGood(77L, 42L));
    assertThat(driver.<String, ScheduledLink>getKeyValueStore(LinkScheduleTopology.SCHEDULE_STORE).get("r1")).isEqualTo(scheduled);
  }

  @Test
  void theHealthSaysWhenTheLinkIsCheckedNextSoonerAfterAFailure() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    Instant firstAt = clock.instant();
    answer(checks.taken().getFirst(), CheckOutcome.OK);
    LinkHealth fine = health.readValue();
    assertThat(fine.nextCheckAt()).isBetween(firstAt.plus(INTERVAL.multipliedBy(9).dividedBy(10)),
        firstAt.plus(INTERVAL.multipliedBy(11).dividedBy(10)));
    advance(INTERVAL.plus(INTERVAL.dividedBy(5)));
    Instant secondAt = clock.instant();
    answer(checks.taken().getFirst(), CheckOutcome.NOT_FOUND);
    LinkHealth failing = health.readValue();
    Duration quarter = INTERVAL.dividedBy(4);
    assertThat(failing.nextCheckAt()).isBetween(secondAt.plus(quarter.multipliedBy(9).dividedBy(10)),
        secondAt.plus(quarter.multipliedBy(11).dividedBy(10)));
  }

  @Test
  void aLinkReapprovedWhileItIsCheckedIsCheckedAgainAtOnceAgainstTheNewText() {
    catalogue.pipeInput("r1", record("r1", "https://example.org/a"));
    advance(Duration.ofSeconds(31));
    LinkCheckRequest old = checks.taken().getFirst();
    catalogue.pipeInput("r1", record("r1", "https://example.org/a", 43L));
    checks.answer(old, CheckOutcome.OK, clock.instant(), 77L);
    advance(Duration.ofMillis(200));
    assertThat(health.readValuesToList()).as("no health from a check against the old text").isEmpty();
    LinkCheckRequest again = checks.taken().getFirst();
    assertThat(again.fingerprint()).isEqualTo(43L);
    assertThat(again.knownGoodBody()).isZero();
    answer(again, CheckOutcome.OK);
    assertThat(health.readValuesToList()).extracting(LinkHealth::state).containsExactly(LinkState.HEALTHY);
  }

  @Test
  void aLinkMovedWhileItIsCheckedGetsNoHealthForItsOldAddress() {
    catalogue.pipeInput("r1", record("r1", "https://old.example/a"));
    advance(Duration.ofSeconds(31));
    LinkCheckRequest old = checks.taken().getFirst();
    catalogue.pipeInput("r1", record("r1", "https://new.example/a"));
    answer(old, CheckOutcome.NOT_FOUND);
    assertThat(health.readValuesToList()).as("only the tombstone of leaving the old host, no health from its answer")
        .containsExactly((LinkHealth) null);
    advance(Duration.ofSeconds(31));
    answer(checks.taken().getFirst(), CheckOutcome.OK);
    assertThat(health.readValuesToList()).extracting(LinkHealth::url).containsExactly("https://new.example/a");
  }
}
