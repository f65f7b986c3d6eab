package org.skillshelf.linkcheck.web;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.skillshelf.events.LinkState;

/**
 * A small ring of link-state counts sampled over time (once a minute in production), for the
 * dashboard's trend chart and throughput. In memory only: a restart starts a new trend.
 *
 * <pre>{@code
 * trend.record(new HealthTrend.Sample(now, counts, checksSoFar));
 * }</pre>
 */
public final class HealthTrend {
  /** One sample: how many links were in each state, and how many checks had been made so far. */
  public record Sample(Instant at, Map<LinkState, Integer> counts, long checksSoFar) {
    public Sample {
      counts = Map.copyOf(new EnumMap<>(counts.isEmpty() ? Map.of(LinkState.HEALTHY, 0) : counts));
    }

    public int count(LinkState state) {
      return counts.getOrDefault(state, 0);
    }

    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final int capacity;
  private final Deque<Sample> samples = new ArrayDeque<>();

  public HealthTrend(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("a trend needs room for at least 2 samples, was " + capacity);
    }
    this.capacity = capacity;
  }

  public synchronized void record(Sample sample) {
    if (samples.size() == capacity) {
      samples.removeFirst();
    }
    samples.addLast(sample);
  }

  /** Oldest first. */
  public synchronized List<Sample> samples() {
    return new ArrayList<>(samples);
  }

  /** Checks per minute between the two latest samples, or 0 before there are two. */
  public synchronized double checksPerMinute() {
    if (samples.size() < 2) {
      return 0;
    }
    Sample last = samples.peekLast();
    Sample before = samples.stream().skip(samples.size() - 2L).findFirst().orElseThrow();
    double minutes = java.time.Duration.between(before.at(), last.at()).toMillis() / 60_000.0;
    return minutes <= 0 ? 0 : (last.checksSoFar() - before.checksSoFar()) / minutes;
  }
}
