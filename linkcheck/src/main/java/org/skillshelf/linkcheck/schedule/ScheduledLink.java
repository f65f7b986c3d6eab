package org.skillshelf.linkcheck.schedule;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkHealth;

/**
 * A catalogue link on the schedule: what it should look like, and when it is first checked. Its
 * later check times are kept in its health ({@link LinkHealth#nextCheckAt()}), which every check
 * writes anyway, so that the schedule store changes only when the link does.
 *
 * <p>Version 1 kept each next check time here, as {@code nextCheckAt}; it reads as the first check
 * time, which is when such a link is due until its health says otherwise.
 *
 * @param fingerprint the main text's fingerprint at approval, 0 if unknown
 * @param firstCheckAt when this URL is due before any check of it
 * @param knownGoodBody the digest of the page the last check found fine, 0 if none. The schedule
 *     hands it to the next check from memory; the store keeps it with the link's health ({@link
 *     StoredHealth.KnownGood}); a value in this store is one an earlier version wrote, used until
 *     the link's next check.
 */
public record ScheduledLink(int v, String resourceId, String url, long fingerprint, @JsonAlias("nextCheckAt") Instant firstCheckAt,
    long knownGoodBody) {
  public static final int VERSION = 2;

  /**
   * When the link is due: as its last check set it, or, before any check of this URL, its first
   * check time.
   */
  public Instant dueAt(@Nullable LinkHealth health) {
    return health != null && health.nextCheckAt() != null && health.url().equals(url) ? health.nextCheckAt() : firstCheckAt;
  }

  /**
   * This link knowing the page its last check found fine, as its stored health tells, if that
   * health is of this address; when the page was judged against another approved text, no page is
   * known good. A health stored before it kept the page leaves the link as it is.
   */
  ScheduledLink knowingThePageFoundFine(StoredHealth.@Nullable Stored stored) {
    StoredHealth.KnownGood good = stored == null ? null : stored.knownGood();
    if (good == null || !stored.health().url().equals(url)) {
      return this;
    }
    return withKnownGoodBody(good.fingerprint() == fingerprint ? good.body() : 0);
  }

  ScheduledLink withKnownGoodBody(long goodBody) {
    return new ScheduledLink(VERSION, resourceId, url, fingerprint, firstCheckAt, goodBody);
  }

  /** Re-approved with another text: the page is compared with the new one from now on, so no page is known good. */
  ScheduledLink withFingerprint(long approved) {
    return new ScheduledLink(VERSION, resourceId, url, approved, firstCheckAt, 0);
  }
}
