package org.skillshelf.linkcheck.check;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.fetch.HostPermits;
import org.skillshelf.fetch.SafeFetcher;

/**
 * Every request linkcheck sends: waits for the host's turn at the {@link PolitenessGate}, then for
 * one of the host's slots (at most {@code perHost} requests at once), and only then for one of the
 * global permits, and fetches. The order matters: a check that waits for its busy host holds no
 * global permit, so a host with thousands of links (or a slow one) never takes the global bound
 * away from the other hosts, and every host stays busy up to its own limit. Answers that ask for a
 * backoff are reported back to the gate.
 */
public final class PoliteFetcher implements PageFetch {
  private final SafeFetcher fetcher;
  private final PolitenessGate gate;
  private final HostPermits hosts;
  private final Semaphore global;

  /**
   * @param perHost requests at once to one host (the fetcher's own per-host cap should be the same
   *     or larger, so that a check holding a slot never waits inside the fetcher)
   * @param globalConcurrency requests at once across all hosts
   */
  public PoliteFetcher(SafeFetcher fetcher, PolitenessGate gate, int perHost, int globalConcurrency) {
    this.fetcher = fetcher;
    this.gate = gate;
    this.hosts = new HostPermits(perHost);
    this.global = new Semaphore(globalConcurrency, true);
  }

  @Override
  public FetchResult fetch(FetchRequest request) throws FetchFailure, HostBackingOff, InterruptedException {
    String host = hostOf(request);
    Optional<Duration> wait = gate.reserve(host);
    if (wait.isEmpty()) {
      throw new HostBackingOff(host, gate.remaining(host));
    }
    if (wait.get().isPositive()) {
      Thread.sleep(wait.get()); // a virtual thread: waiting here costs no platform thread
    }
    try (HostPermits.Permit slot = hosts.take(host)) {
      global.acquire();
      try {
        FetchResult answer = fetcher.fetch(request);
        gate.observe(host, answer);
        return answer;
      } finally {
        global.release();
      }
    }
  }

  private static String hostOf(FetchRequest request) {
    String host = request.uri().getHost();
    return (host == null ? "" : host.toLowerCase(Locale.ROOT)) + ":" + request.uri().getPort();
  }
}
