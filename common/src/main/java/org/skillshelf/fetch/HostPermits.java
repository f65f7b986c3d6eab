package org.skillshelf.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps how many requests run against one host at a time, for politeness, handing permits out in
 * arrival order. The safe fetcher waits for one with a deadline; linkcheck waits for one before it
 * takes a global permit. A host's entry lives only while someone holds or awaits one of its
 * permits, so the map never holds more hosts than there are fetches in flight.
 */
public final class HostPermits {
  private final int permitsPerHost;
  private final Map<String, Entry> entries = new HashMap<>();

  public HostPermits(int permitsPerHost) {
    if (permitsPerHost < 1) {
      throw new IllegalArgumentException("at least one request per host must be allowed, was " + permitsPerHost);
    }
    this.permitsPerHost = permitsPerHost;
  }

  /** A permit for one host, given back by {@link #close()}. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private static final class Entry {
    final Semaphore semaphore;
    int users;

    Entry(int permits) {
      semaphore = new Semaphore(permits, true);
    }
  }

  /** Waits as long as it takes for a free slot on {@code host}. */
  public Permit take(String host) throws InterruptedException {
    Entry entry = join(host);
    try {
      entry.semaphore.acquire();
    } catch (InterruptedException e) {
      leave(host, entry);
      throw e;
    }
    return () -> {
      entry.semaphore.release();
      leave(host, entry);
    };
  }

  /** Waits at most {@code maxWait} for a free slot on {@code host}. */
  Permit acquire(String host, Duration maxWait) throws InterruptedException, PermitTimeout {
    Entry entry = join(host);
    boolean acquired = false;
    try {
      acquired = entry.semaphore.tryAcquire(Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS);
    } finally {
      if (!acquired) {
        leave(host, entry);
      }
    }
    if (!acquired) {
      throw new PermitTimeout();
    }
    return () -> {
      entry.semaphore.release();
      leave(host, entry);
    };
  }

  /** Thrown when a host stays busy for longer than the fetch may wait. */
  static final class PermitTimeout extends Exception {
    private static final long serialVersionUID = 1L;

    PermitTimeout() {
      super(null, null, false, false);
    }
  }

  /** Hosts with a permit held or awaited. */
  int trackedHosts() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private Entry join(String host) {
    synchronized (entries) {
      Entry entry = entries.computeIfAbsent(host, h -> new Entry(permitsPerHost));
      entry.users++;
      return entry;
    }
  }

  private void leave(String host, Entry entry) {
    synchronized (entries) {
      entry.users--;
      if (entry.users == 0) {
        entries.remove(host, entry);
      }
    }
  }
}
