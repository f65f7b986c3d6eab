package org.skillshelf.linkcheck.schedule;

import java.time.Instant;

/**
 * A link due for a check, as the schedule hands it to the {@link CheckRunner}.
 *
 * @param host the link's host as the schedule keys it ({@link LinkScheduleTopology#hostKey}), the
 *     lane its check waits in
 * @param fingerprint the main text's fingerprint at approval, 0 if unknown
 * @param dueAt when the check fell due
 * @param knownGoodBody the digest of the page the last check found fine, 0 if none (the probe's to
 *     make and compare): the same bytes again need not be read again, as they would give the same
 *     verdict
 */
public record LinkCheckRequest(String resourceId, String url, String host, long fingerprint, Instant dueAt, long knownGoodBody) {

  public LinkCheckRequest(String resourceId, String url, long fingerprint, Instant dueAt) {
    this(resourceId, url, LinkScheduleTopology.hostKey(url), fingerprint, dueAt, 0L);
  }
}
