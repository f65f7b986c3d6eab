package org.skillshelf.linkcheck.schedule;

import java.time.Instant;

/**
 * When a catalogue link is checked next, and what it should look like.
 *
 * @param fingerprint the main text's fingerprint at approval, 0 if unknown
 * @param knownGoodBody the digest of the page the last check found fine, 0 if none
 */
public record ScheduledLink(int v, String resourceId, String url, long fingerprint, Instant nextCheckAt, long knownGoodBody) {
  public static final int VERSION = 1;

  ScheduledLink due(Instant next, long goodBody) {
    return new ScheduledLink(v, resourceId, url, fingerprint, next, goodBody);
  }

  /** Re-approved with another text: the page is compared with the new one from now on, so no page is known good. */
  ScheduledLink withFingerprint(long approved) {
    return new ScheduledLink(v, resourceId, url, approved, nextCheckAt, 0);
  }
}
