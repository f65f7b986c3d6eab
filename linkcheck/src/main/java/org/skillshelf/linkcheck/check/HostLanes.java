package org.skillshelf.linkcheck.check;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each host's checks at most {@code perHost} at a time: a host gets up to that many lanes,
 * each a virtual thread that, when it finishes a check, takes the host's next waiting one. A
 * backlog of checks for a busy host therefore waits as entries in a queue, not as thousands of
 * parked virtual threads whose stacks the garbage collector copies again and again (a cycle of
 * 20,000 links on 200 hosts kept about 19,600 such threads alive, and young collections of a
 * serial collector took 30 to 90 ms). The fetcher's own per-host limits still apply inside each
 * check; the lanes only decide when a check starts.
 */
final class HostLanes {
  private static final Logger LOG = LoggerFactory.getLogger(HostLanes.class);
  private final int perHost;
  private final ExecutorService executor;
  private final Map<String, Lane> lanes = new HashMap<>();

  /** The checks of one host: how many lanes run, and what waits for one. */
  private static final class Lane {
    int running;
    final Queue<Runnable> waiting = new ArrayDeque<>();
  }

  HostLanes(int perHost, ExecutorService executor) {
    if (perHost < 1) {
      throw new IllegalArgumentException("perHost must be at least 1, was " + perHost);
    }
    this.perHost = perHost;
    this.executor = executor;
  }

  /** Runs {@code check} now on a lane of its own if the host has one free, or after the host's earlier checks. */
  void submit(String host, Runnable check) {
    synchronized (lanes) {
      Lane lane = lanes.computeIfAbsent(host, h -> new Lane());
      if (lane.running >= perHost) {
        lane.waiting.add(check);
        return;
      }
      lane.running++;
    }
    executor.execute(() -> drive(host, check));
  }

  /** Checks waiting for a lane, across all hosts. */
  int waiting() {
    synchronized (lanes) {
      return lanes.values().stream().mapToInt(l -> l.waiting.size()).sum();
    }
  }

  /**
   * Runs the host's checks one after another until none waits. A check that throws (callers catch
   * what they expect; this is for what they do not) is logged and does not end the lane, so the
   * host's later checks still run and the lane is never counted as running when it is not.
   */
  private void drive(String host, Runnable first) {
    @Nullable Runnable next = first;
    while (next != null) {
      try {
        next.run();
      } catch (RuntimeException | Error e) {
        LOG.error("A check of {} failed unexpectedly; the host's next checks still run", host, e);
      }
      next = nextFor(host);
    }
  }

  /** The host's next waiting check, or null after closing the lane (none waits, or the executor is shutting down). */
  private @Nullable Runnable nextFor(String host) {
    synchronized (lanes) {
      Lane lane = lanes.get(host);
      Runnable next = executor.isShutdown() ? null : lane.waiting.poll();
      if (next == null && --lane.running == 0) {
        lanes.remove(host);
      }
      return next;
    }
  }
}
