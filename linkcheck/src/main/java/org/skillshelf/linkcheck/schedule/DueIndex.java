package org.skillshelf.linkcheck.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The links of one task ordered by when they are due, so that each tick reads only the links that
 * are due instead of every link in the schedule store. It is derived state: the store stays the
 * record, and the index is rebuilt from it whenever the processor starts (after a restart or a
 * rebalance, once the store is restored), so it needs no changelog of its own. About a hundred
 * bytes per link.
 */
final class DueIndex {
  private record Entry(Instant due, String key) {}

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::due).thenComparing(Entry::key);

  private final NavigableSet<Entry> byDue = new TreeSet<>(ORDER);
  private final Map<String, Instant> dueOf = new HashMap<>();

  /** Records that {@code key} is due at {@code due}, replacing what was known of it. */
  void put(String key, Instant due) {
    Instant old = dueOf.put(key, due);
    if (old != null) {
      byDue.remove(new Entry(old, key));
    }
    byDue.add(new Entry(due, key));
  }

  void remove(String key) {
    Instant old = dueOf.remove(key);
    if (old != null) {
      byDue.remove(new Entry(old, key));
    }
  }

  /** Up to {@code limit} keys due at or before {@code now}, earliest first. */
  List<String> due(Instant now, int limit) {
    List<String> keys = new ArrayList<>();
    for (Entry entry : byDue) {
      if (entry.due().isAfter(now) || keys.size() >= limit) {
        break;
      }
      keys.add(entry.key());
    }
    return keys;
  }

  int size() {
    return dueOf.size();
  }
}
