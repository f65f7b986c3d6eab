package org.skillshelf.linkcheck.check;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.linkcheck.schedule.CheckRunner;
import org.skillshelf.linkcheck.schedule.LinkCheckRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the links the schedule hands over, on virtual threads, at most a few at once per host
 * ({@link HostLanes}), and reports each result back to the schedule. It counts checks by outcome,
 * times them, and logs one line per failed check.
 */
public final class LinkChecker implements CheckRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkChecker.class);
  /** A check that failed unexpectedly (a bug, not the link's doing) is tried again after this long. */
  private static final Duration RETRY_AFTER_ERROR = Duration.ofMinutes(5);

  private final LinkProbe probe;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HostLanes lanes;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final MeterRegistry registry;
  /** Made on first use, then found here rather than looked up in the registry for every check. */
  private final Map<CheckOutcome, Counter> checksByOutcome = new ConcurrentHashMap<>();
  private final Timer latency;
  private final Counter deferred;

  /** @param perHost checks of one host at once (requests are the probe's fetcher's to limit) */
  public LinkChecker(LinkProbe probe, MeterRegistry registry, int perHost) {
    this.probe = probe;
    this.lanes = new HostLanes(perHost, executor);
    this.registry = registry;
    this.latency = Timer.builder("skillshelf.linkcheck.check.duration").description("time to check one link").register(registry);
    this.deferred = Counter.builder("skillshelf.linkcheck.deferred")
        .description("checks put off because their host asked for a long backoff").register(registry);
    Gauge.builder("skillshelf.linkcheck.waiting", lanes, HostLanes::waiting)
        .description("checks handed over by the schedule and waiting for their host's turn").register(registry);
    Gauge.builder("skillshelf.linkcheck.in.flight", inFlight, AtomicInteger::get)
        .description("checks handed over by the schedule and not yet finished").register(registry);
  }

  @Override
  public void submit(LinkCheckRequest request, Listener listener) {
    inFlight.incrementAndGet();
    try {
      lanes.submit(request.host(), () -> {
        try {
          check(request, listener);
        } finally {
          inFlight.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException closed) {
      inFlight.decrementAndGet();
      listener.notChecked(Duration.ZERO, "the checker is stopping");
    }
  }

  @Override
  public int inFlight() {
    return inFlight.get();
  }

  private void check(LinkCheckRequest request, Listener listener) {
    try {
      long t0 = System.nanoTime();
      LinkProbe.Probed probed = probe.check(request);
      LinkCheck check = probed.check();
      if (executor.isShutdown()) {
        // close() cancels the fetches in flight, and a cancelled fetch reads as CONNECTION_FAILED,
        // which says nothing about the link. The link's health still has it due, so whoever
        // runs its schedule next checks it again.
        listener.notChecked(Duration.ZERO, "the checker is stopping");
        return;
      }
      latency.record(Duration.ofNanos(System.nanoTime() - t0));
      checksByOutcome.computeIfAbsent(check.outcome(), outcome -> Counter.builder("skillshelf.linkcheck.checks")
          .tag("outcome", outcome.name()).description("link checks by outcome").register(registry)).increment();
      if (!check.outcome().isSuccess()) {
        LOG.info("Link {} ({}): {} — {}", request.resourceId(), request.url(), check.outcome(), check.detail());
      }
      listener.checked(check, probed.goodBody());
    } catch (HostBackingOff e) {
      deferred.increment();
      LOG.debug("Link {} not checked now: {}", request.resourceId(), e.getMessage());
      listener.notChecked(e.remaining(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      listener.notChecked(Duration.ZERO, "the checker is stopping");
    } catch (RuntimeException | StackOverflowError e) {
      // A bug, or a page built to exhaust a parser's stack: the schedule still hears of the link
      // (else it stays handed over for good), and the host's lane goes on to its next check.
      LOG.warn("Checking {} failed unexpectedly: {}", request.url(), e.toString(), e);
      listener.notChecked(RETRY_AFTER_ERROR, e.toString());
    }
  }

  /** Stops every check: those running are interrupted, those waiting for their host never start. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
