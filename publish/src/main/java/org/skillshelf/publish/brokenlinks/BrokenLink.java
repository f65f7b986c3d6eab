package org.skillshelf.publish.brokenlinks;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the broken-links queue as curators see it (and as {@code GET /api/broken-links}
 * returns it).
 *
 * @param broken whether link checking found the link BROKEN (and no curator dismissed that breakage)
 * @param reports readers' reports of this link not yet dismissed
 * @param notes what the latest of those readers wrote, newest first, at most three
 * @param since when the record entered the queue: its breakage or its oldest open report
 */
public record BrokenLink(
    String resourceId,
    String title,
    String url,
    String linkState,
    boolean broken,
    @Nullable Instant brokenSince,
    @Nullable String lastOutcome,
    @Nullable String lastDetail,
    @Nullable Instant lastCheckedAt,
    int reports,
    List<String> notes,
    Instant since) {
  public BrokenLink {
    notes = List.copyOf(notes);
  }
}
