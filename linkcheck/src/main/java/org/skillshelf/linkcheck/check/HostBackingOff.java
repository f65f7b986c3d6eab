package org.skillshelf.linkcheck.check;

import java.time.Duration;

/**
 * The host asked us (429, Retry-After) to stay away for longer than a check may wait in line; the
 * check is dropped without a result and the schedule tries again once the host's backoff is over.
 */
public final class HostBackingOff extends Exception {
  private static final long serialVersionUID = 1L;
  private final Duration remaining;

  public HostBackingOff(String host, Duration remaining) {
    super("backing off " + host + " for another " + remaining.toSeconds() + " s");
    this.remaining = remaining;
  }

  /** How long the host still wants to be left alone. */
  public Duration remaining() {
    return remaining;
  }
}
