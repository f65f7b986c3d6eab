package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.kafka.EventSerde;
import org.skillshelf.linkcheck.health.HealthRules;
import org.skillshelf.testing.TickingClock;

/**
 * The schedule processor's life as Kafka Streams leads it. Streams keeps a task's processors when
 * the task turns from active to standby and back, so a rebalance that moves a task away and a later
 * one that brings it back close a processor and initialise the same one again. (The topology test
 * cannot show this: its driver makes each processor once.)
 */
class ScheduleProcessorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String HOST = "example.org";

  private final TickingClock clock = new TickingClock(T0);
  private final AnsweredLater checks = new AnsweredLater();
  private final MockProcessorContext<String, LinkHealth> context = new MockProcessorContext<>();
  private final KeyValueStore<String, byte[]> healthStore = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore(LinkScheduleTopology.HEALTH_STORE), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
  private LinkScheduleTopology.ScheduleProcessor processor;

  /** Keeps each check handed over, with the listener it came with, until the test answers it. */
  private static final class AnsweredLater implements CheckRunner {
    record Submitted(LinkCheckRequest request, Listener listener) {}

    final List<Submitted> submitted = new ArrayList<>();

    @Override
    public void submit(LinkCheckRequest request, Listener listener) {
      submitted.add(new Submitted(request, listener));
    }

    @Override
    public int inFlight() {
      return 0;
    }

    void answer(Submitted check, CheckOutcome outcome, Instant at) {
      LinkCheckRequest request = check.request();
      check.listener().checked(new LinkCheck(LinkCheck.VERSION, request.resourceId(), request.url(), outcome,
          outcome == CheckOutcome.OK ? 200 : 404, request.url(), 5, null, at), 0);
    }
  }

  @BeforeEach
  void stores() {
    KeyValueStore<String, ScheduledLink> schedule = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LinkScheduleTopology.SCHEDULE_STORE),
        Serdes.String(), EventSerde.of(ScheduledLink.class, ScheduledLink.VERSION)).withLoggingDisabled().build();
    schedule.init(context.getStateStoreContext(), schedule);
    healthStore.init(context.getStateStoreContext(), healthStore);
    context.addStateStore(schedule);
    context.addStateStore(healthStore);
    var settings = new LinkScheduleTopology.Settings(Duration.ofMinutes(10), new HealthRules(2, Duration.ZERO), clock, new Random(7),
        Duration.ZERO);
    processor = new LinkScheduleTopology.ScheduleProcessor(settings, checks);
  }

  /** Runs the punctuator the processor's latest {@code init} scheduled. */
  private void tick() {
    clock.advance(Duration.ofMillis(100));
    context.scheduledPunctuators().getLast().getPunctuator().punctuate(clock.millis());
  }

  @Test
  void aProcessorInitialisedAgainRecordsTheChecksItHandsOverAndNotThoseOfItsEarlierRun() {
    processor.init(context);
    processor.process(new Record<>(HOST, new HostedLink(HostedLink.VERSION, "r1", "https://example.org/a", 42L), T0.toEpochMilli()));
    tick();
    assertThat(checks.submitted).as("handed over by the first run").hasSize(1);
    AnsweredLater.Submitted fromTheFirstRun = checks.submitted.getFirst();

    processor.close(); // the task turns standby on this instance
    processor.init(context); // and active again: the same processor, initialised again
    tick();
    assertThat(checks.submitted).as("the link is still due, and the new run hands it over").hasSize(2);
    AnsweredLater.Submitted fromTheSecondRun = checks.submitted.getLast();

    checks.answer(fromTheFirstRun, CheckOutcome.NOT_FOUND, clock.instant());
    checks.answer(fromTheSecondRun, CheckOutcome.OK, clock.instant());
    tick();

    LinkHealth recorded = StoredHealth.decode(healthStore.get("r1"));
    assertThat(recorded).as("the second run's answer is recorded").isNotNull();
    assertThat(recorded.history()).as("and only it: the first run's answer went with that run")
        .extracting(LinkHealth.PastCheck::outcome).containsExactly(CheckOutcome.OK);
    tick();
    assertThat(checks.submitted).as("nothing handed over twice").hasSize(2);
  }
}
