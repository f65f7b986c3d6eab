package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostLanesTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HostLanes lanes = new HostLanes(2, executor);

  @AfterEach
  void close() {
    executor.shutdownNow();
  }

  @Test
  void runsAtMostTwoChecksOfAHostAtOnceAndTheRestWhenOneFinishes() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      lanes.submit("a.example", () -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        finished.incrementAndGet();
      });
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
    assertThat(lanes.waiting()).isEqualTo(8);
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> finished.get() == 10);
    assertThat(most.get()).isEqualTo(2);
    assertThat(lanes.waiting()).isZero();
  }

  @Test
  void aCheckThatThrowsDoesNotEndItsHostsLane() {
    HostLanes single = new HostLanes(1, executor);
    List<String> done = new CopyOnWriteArrayList<>();
    single.submit("a.example", () -> {
      throw new IllegalStateException("a bug in a check");
    });
    single.submit("a.example", () -> done.add("next"));

    await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("next"));
    assertThat(single.waiting()).isZero();
    single.submit("a.example", () -> done.add("later"));
    await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("later"));
  }

  @Test
  void aBusyHostDoesNotHoldBackAnother() {
    CountDownLatch release = new CountDownLatch(1);
    List<String> done = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 5; i++) {
      lanes.submit("slow.example", () -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    lanes.submit("quick.example", () -> done.add("quick"));

    await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("quick"));
    assertThat(lanes.waiting()).isEqualTo(3);
    release.countDown();
  }

  @Test
  void aHostsChecksRunInTheOrderTheyCameWithOneLane() {
    HostLanes single = new HostLanes(1, executor);
    List<Integer> order = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      single.submit("a.example", () -> order.add(n));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> order.size() == 20);
    assertThat(order).isSorted();
  }

  @Test
  void stopsTakingWaitingChecksOnceTheExecutorShutsDown() {
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    HostLanes single = new HostLanes(1, executor);
    single.submit("a.example", () -> {
      started.countDown();
      ran.incrementAndGet();
      try {
        Thread.currentThread().join(); // until interrupted by shutdownNow
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    single.submit("a.example", ran::incrementAndGet);
    await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);

    executor.shutdownNow();

    await().atMost(Duration.ofSeconds(10)).until(executor::isTerminated);
    assertThat(ran.get()).isEqualTo(1);
  }
}
