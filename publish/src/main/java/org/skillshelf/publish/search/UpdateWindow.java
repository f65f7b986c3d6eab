package org.skillshelf.publish.search;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;

/**
 * Which records a harvester pages through in update order, and where its next page starts: a time
 * range, at most one set (a skill, or the records of one collection), and the last (update time in
 * epoch milliseconds, id) already sent. Millisecond update times, so that the order and the
 * position in a resumption token agree.
 *
 * @param from earliest update time, inclusive, or null for no lower bound
 * @param until latest update time, inclusive, or null for no upper bound
 * @param skill only records teaching this skill, or null
 * @param among only these records, or null for no such restriction (an empty set selects nothing)
 * @param afterMillis update time of the last record already sent; ignored while {@code afterId} is empty
 * @param afterId id of the last record already sent, or empty at the start
 */
public record UpdateWindow(@Nullable Instant from, @Nullable Instant until, @Nullable String skill,
    @Nullable Set<String> among, long afterMillis, String afterId) {
  public UpdateWindow {
    among = among == null ? null : Set.copyOf(among);
  }

  /** Every record, from the start. */
  public static UpdateWindow all() {
    return new UpdateWindow(null, null, null, null, 0, "");
  }

  /** Whether the record is selected, wherever paging stands. */
  boolean selects(CatalogueRecord r) {
    long at = r.updatedAt().toEpochMilli();
    return (from == null || at >= from.toEpochMilli()) && (until == null || at <= until.toEpochMilli())
        && (skill == null || r.skills().contains(skill)) && (among == null || among.contains(r.resourceId()));
  }

  /** Whether the record comes after the position, in (update millisecond, id) order. */
  boolean isAfterPosition(CatalogueRecord r) {
    long at = r.updatedAt().toEpochMilli();
    return afterId.isEmpty() || at > afterMillis || (at == afterMillis && r.resourceId().compareTo(afterId) > 0);
  }
}
