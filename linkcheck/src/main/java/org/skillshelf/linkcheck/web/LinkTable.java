package org.skillshelf.linkcheck.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.linkcheck.schedule.LinkScheduleTopology;
import org.skillshelf.linkcheck.schedule.ScheduledLink;
import org.skillshelf.linkcheck.schedule.StoredHealth;

/**
 * Every catalogue link with its health (UNCHECKED until a first check), read from this instance's
 * stores in one pass, and how many are due. Used by the JSON, CSV and HTML views alike.
 *
 * @param links sorted by resourceId
 * @param dueNow links whose next check time has passed, those being checked included
 */
record LinkTable(List<LinkHealth> links, int dueNow) {

  static LinkTable read(StreamsApp schedule, Instant now) {
    ReadOnlyKeyValueStore<String, byte[]> health = schedule.store(LinkScheduleTopology.HEALTH_STORE);
    ReadOnlyKeyValueStore<String, ScheduledLink> links = schedule.store(LinkScheduleTopology.SCHEDULE_STORE);
    List<LinkHealth> all = new ArrayList<>();
    int due = 0;
    try (KeyValueIterator<String, ScheduledLink> it = links.all()) {
      while (it.hasNext()) {
        ScheduledLink link = it.next().value;
        LinkHealth known = StoredHealth.decode(health.get(link.resourceId()));
        if (!link.dueAt(known).isAfter(now)) {
          due++;
        }
        all.add(known != null ? known : unchecked(link));
      }
    }
    all.sort(Comparator.comparing(LinkHealth::resourceId));
    return new LinkTable(List.copyOf(all), due);
  }

  static LinkHealth unchecked(ScheduledLink link) {
    return new LinkHealth(LinkHealth.VERSION, link.resourceId(), link.url(), LinkState.UNCHECKED, 0, null, null, null, null, List.of(),
        link.firstCheckAt());
  }

  /** The links matching both filters (either may be null for "any"). */
  List<LinkHealth> filtered(@Nullable LinkState state, @Nullable String host) {
    String wantedHost = host == null || host.isBlank() ? null : host.strip().toLowerCase(Locale.ROOT);
    return links.stream()
        .filter(h -> state == null || h.state() == state)
        .filter(h -> wantedHost == null || hostOf(h.url()).equals(wantedHost))
        .toList();
  }

  /** The URL's host in lower case, or "" for a URL without one. */
  static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
