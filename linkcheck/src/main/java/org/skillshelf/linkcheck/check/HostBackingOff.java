package org.skillshelf.linkcheck.check;

import java.time.Duration;

/**
 * The host asked us (429, Retry-After) to stay away for longer than a check may wait in line; the
 * check is dropped without a result and the schedule sends it again later.
 */
public final class HostBackingOff extends Exception {
  private static final long serialVersionUID = 1L;

  public HostBackingOff(String host, Duration remaining) {
    super("backing off " + host + " for another " + remaining.toSeconds() + " s");
  }
}
