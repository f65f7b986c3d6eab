package org.skillshelf.linkcheck.check;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.fetch.SafeFetcher;

/**
 * Every request linkcheck sends: waits for the host's turn at the {@link PolitenessGate}, then for
 * one of the global permits (taken only after the host wait, so waiting checks hold no permit),
 * then fetches; the fetcher itself caps concurrent requests per host. Answers that ask for a
 * backoff are reported back to the gate.
 */
public final class PoliteFetcher implements PageFetch {
  private final SafeFetcher fetcher;
  private final PolitenessGate gate;
  private final Semaphore global;

  public PoliteFetcher(SafeFetcher fetcher, PolitenessGate gate, int globalConcurrency) {
    this.fetcher = fetcher;
    this.gate = gate;
    this.global = new Semaphore(globalConcurrency);
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
    global.acquire();
    try {
      FetchResult answer = fetcher.fetch(request);
      gate.observe(host, answer);
      return answer;
    } finally {
      global.release();
    }
  }

  private static String hostOf(FetchRequest request) {
    String host = request.uri().getHost();
    return (host == null ? "" : host.toLowerCase(java.util.Locale.ROOT)) + ":" + request.uri().getPort();
  }
}
