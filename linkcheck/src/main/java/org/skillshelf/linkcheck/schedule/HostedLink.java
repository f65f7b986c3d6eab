package org.skillshelf.linkcheck.schedule;

import org.jspecify.annotations.Nullable;

/**
 * A catalogue link on its way to the schedule task of its host: the value of the topology's
 * repartition topic, keyed by host.
 *
 * @param url the link, or null when the link left this host (withdrawn, or moved to another host)
 * @param fingerprint the main text's fingerprint at approval, 0 if unknown
 */
public record HostedLink(int v, String resourceId, @Nullable String url, long fingerprint) {
  public static final int VERSION = 1;

  static HostedLink gone(String resourceId) {
    return new HostedLink(VERSION, resourceId, null, 0);
  }
}
