package org.skillshelf.linkcheck.check;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * At most {@code perHost} requests at once to one host, handed out in arrival order. A host's entry
 * lives only while someone holds or awaits one of its slots, so the map never holds more hosts
 * than there are checks in flight.
 */
final class HostSlots {
  private final int perHost;
  private final Map<String, Entry> entries = new HashMap<>();

  /** A held slot, given back by {@link #close()}. */
  interface Slot extends AutoCloseable {
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

  HostSlots(int perHost) {
    if (perHost < 1) {
      throw new IllegalArgumentException("at least one request per host must be allowed, was " + perHost);
    }
    this.perHost = perHost;
  }

  /** Waits for a free slot on {@code host}. */
  Slot take(String host) throws InterruptedException {
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

  /** Hosts with a slot held or awaited. */
  int trackedHosts() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private Entry join(String host) {
    synchronized (entries) {
      Entry entry = entries.computeIfAbsent(host, h -> new Entry(perHost));
      entry.users++;
      return entry;
    }
  }

  private void leave(String host, Entry entry) {
    synchronized (entries) {
      if (--entry.users == 0) {
        entries.remove(host, entry);
      }
    }
  }
}
