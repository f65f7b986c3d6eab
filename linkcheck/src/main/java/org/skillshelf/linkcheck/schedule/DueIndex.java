package org.skillshelf.linkcheck.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The links of one task ordered by when they are due, so that each tick reads only the links that
 * are due instead of every link in the schedule store. It is derived state: the store stays the
 * record, and the index is rebuilt from it whenever the processor starts (after a restart or a
 * rebalance, once the store is restored), so it needs no changelog of its own. Each entry keeps
 * its link's host, so that a tick can pass over the links of a host that has enough checks under
 * way without reading them from the store. About a hundred bytes per link.
 */
final class DueIndex {
  private record Entry(Instant due, String key, String host) {}

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::due).thenComparing(Entry::key);

  private final NavigableSet<Entry> byDue = new TreeSet<>(ORDER);
  private final Map<String, Entry> entries = new HashMap<>();

  /** Records that {@code key}, a link on {@code host}, is due at {@code due}, replacing what was known of it. */
  void put(String key, Instant due, String host) {
    Entry entry = new Entry(due, key, host);
    Entry old = entries.put(key, entry);
    if (old != null) {
      byDue.remove(old);
    }
    byDue.add(entry);
  }

  /** The host of a link in the index, or null if it is not there. */
  @Nullable String hostOf(String key) {
    Entry entry = entries.get(key);
    return entry == null ? null : entry.host();
  }

  void remove(String key) {
    Entry old = entries.remove(key);
    if (old != null) {
      byDue.remove(old);
    }
  }

  /**
   * Up to {@code limit} keys due at or before {@code now}, earliest first, of those that {@code
   * wanted} (given key and host) accepts; looks at no more than {@code scanAtMost} due entries.
   */
  List<String> due(Instant now, int limit, BiPredicate<String, String> wanted, int scanAtMost) {
    List<String> keys = new ArrayList<>();
    int scanned = 0;
    for (Entry entry : byDue) {
      if (entry.due().isAfter(now) || keys.size() >= limit || scanned++ >= scanAtMost) {
        break;
      }
      if (wanted.test(entry.key(), entry.host())) {
        keys.add(entry.key());
      }
    }
    return keys;
  }

  int size() {
    return entries.size();
  }
}
