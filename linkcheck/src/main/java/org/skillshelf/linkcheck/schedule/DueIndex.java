package org.skillshelf.linkcheck.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The links of one task ordered by when they are due, host by host, so that each tick reads only
 * the links that are due instead of every link in the schedule store, and gives every host with
 * links due its share at once: a host with a huge backlog takes its share and no more, and the
 * other hosts' links never wait behind it. It is derived state: the stores stay the record (the
 * links in the schedule store, their next check times in their healths), and the index is rebuilt
 * from them whenever the processor starts (after a restart or a rebalance, once the stores are
 * restored), so it needs no changelog of its own. It keeps each link as scheduled, so
 * that handing a link over reads no store: about two hundred bytes per link.
 */
final class DueIndex {
  /** A link due at {@code at}, on {@code host}. */
  record Due(ScheduledLink link, Instant at, String host) {
    String key() {
      return link.resourceId();
    }
  }

  private record Entry(Instant due, ScheduledLink link) implements Comparable<Entry> {
    String key() {
      return link.resourceId();
    }

    /** Earliest first, then by key (written out: the index compares on every change of the schedule). */
    @Override
    public int compareTo(Entry other) {
      int byTime = due.compareTo(other.due);
      return byTime != 0 ? byTime : key().compareTo(other.key());
    }
  }

  /** One host's links, earliest first. */
  private static final class Host {
    final String name;
    final NavigableSet<Entry> links = new TreeSet<>();

    Host(String name) {
      this.name = name;
    }

    Instant earliest() {
      return links.first().due();
    }
  }

  private record Indexed(Entry entry, Host host) {}

  private final Map<String, Host> hosts = new HashMap<>();
  /** Hosts with links, by their earliest link; a host is taken out before its earliest link changes. */
  private final NavigableSet<Host> byEarliest = new TreeSet<>((a, b) -> {
    int byTime = a.earliest().compareTo(b.earliest());
    return byTime != 0 ? byTime : a.name.compareTo(b.name);
  });
  private final Map<String, Indexed> entries = new HashMap<>();

  /** Records that {@code link}, on {@code host}, is due at {@code due}, replacing what was known of it. */
  void put(ScheduledLink link, Instant due, String host) {
    String key = link.resourceId();
    remove(key);
    Host queue = hosts.computeIfAbsent(host, Host::new);
    Entry entry = new Entry(due, link);
    if (!queue.links.isEmpty()) {
      byEarliest.remove(queue);
    }
    queue.links.add(entry);
    byEarliest.add(queue);
    entries.put(key, new Indexed(entry, queue));
  }

  void remove(String key) {
    Indexed old = entries.remove(key);
    if (old == null) {
      return;
    }
    Host queue = old.host();
    byEarliest.remove(queue);
    queue.links.remove(old.entry());
    if (queue.links.isEmpty()) {
      hosts.remove(queue.name);
    } else {
      byEarliest.add(queue);
    }
  }

  /** A link in the index, or null if it is not there. */
  @Nullable Due get(String key) {
    Indexed indexed = entries.get(key);
    return indexed == null ? null : new Due(indexed.entry().link(), indexed.entry().due(), indexed.host().name);
  }

  /**
   * Up to {@code limit} links due at or before {@code now}: from each host with links due, in the
   * order of its earliest, at most as many as {@code room} grants it, its earliest first.
   */
  List<Due> due(Instant now, int limit, ToIntFunction<String> room) {
    List<Due> due = new ArrayList<>();
    for (Host host : byEarliest) {
      if (host.earliest().isAfter(now) || due.size() >= limit) {
        break;
      }
      int share = Math.min(room.applyAsInt(host.name), limit - due.size());
      for (Entry entry : host.links) {
        if (share-- <= 0 || entry.due().isAfter(now)) {
          break;
        }
        due.add(new Due(entry.link(), entry.due(), host.name));
      }
    }
    return due;
  }

  int size() {
    return entries.size();
  }
}
