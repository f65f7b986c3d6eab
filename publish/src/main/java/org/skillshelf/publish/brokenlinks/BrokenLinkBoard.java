package org.skillshelf.publish.brokenlinks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.BrokenLinkDismissal;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;

/**
 * What the broken-links queue knows, per record: its title and link, its link health, readers'
 * reports and the latest dismissal; fed from four topics in whatever order they arrive, and
 * thread-safe. Health and reports about a link the record no longer has (the URL was replaced) are
 * ignored, so replacing a link takes the record out of the queue until the new link fails too.
 *
 * <pre>{@code
 * board.catalogued("r1", record);
 * board.health("r1", health);
 * List<BrokenLink> queue = board.open();
 * }</pre>
 */
public final class BrokenLinkBoard {
  /** Reports kept per record; older ones only matter as a count, which this many already make plain. */
  static final int REPORTS_KEPT = 20;
  private static final int NOTES_SHOWN = 3;

  private record Listed(String title, String url) {}

  private record Entry(@Nullable Listed listed, @Nullable LinkHealth health, List<BrokenLinkReport> reports,
      @Nullable BrokenLinkDismissal dismissal) {
    static final Entry EMPTY = new Entry(null, null, List.of(), null);

    boolean isEmpty() {
      return listed == null && health == null && reports.isEmpty() && dismissal == null;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** A record published or changed; null (a withdrawal) forgets everything about it. */
  public void catalogued(String resourceId, @Nullable CatalogueRecord record) {
    if (record == null) {
      entries.remove(resourceId);
      return;
    }
    update(resourceId, e -> new Entry(new Listed(record.title(), record.url()), e.health(), e.reports(), e.dismissal()));
  }

  /** The link's latest health; its check history is not kept here. */
  public void health(String resourceId, @Nullable LinkHealth health) {
    LinkHealth slim = health == null ? null : new LinkHealth(health.v(), health.resourceId(), health.url(), health.state(),
        health.consecutiveFailures(), health.firstFailureAt(), health.lastCheckedAt(), health.lastOkAt(), health.lastOutcome(), List.of());
    update(resourceId, e -> new Entry(e.listed(), slim, e.reports(), e.dismissal()));
  }

  public void reported(BrokenLinkReport report) {
    update(report.resourceId(), e -> {
      List<BrokenLinkReport> reports = new ArrayList<>(e.reports());
      if (reports.stream().anyMatch(r -> r.reportId().equals(report.reportId()))) {
        return e; // read twice (a re-read topic, or a local apply and its echo)
      }
      reports.add(report);
      reports.sort(Comparator.comparing(BrokenLinkReport::at));
      List<BrokenLinkReport> kept = reports.subList(Math.max(0, reports.size() - REPORTS_KEPT), reports.size());
      return new Entry(e.listed(), e.health(), List.copyOf(kept), e.dismissal());
    });
  }

  public void dismissed(BrokenLinkDismissal dismissal) {
    update(dismissal.resourceId(), e -> e.dismissal() != null && e.dismissal().at().isAfter(dismissal.at()) ? e
        : new Entry(e.listed(), e.health(), e.reports(), dismissal));
  }

  /** Every record that needs a curator, the longest waiting first. */
  public List<BrokenLink> open() {
    List<BrokenLink> open = new ArrayList<>();
    entries.forEach((id, e) -> view(id, e).ifPresent(open::add));
    open.sort(Comparator.comparing(BrokenLink::since).thenComparing(BrokenLink::resourceId));
    return open;
  }

  /** One record's queue entry, if it is in the queue. */
  public Optional<BrokenLink> entry(String resourceId) {
    Entry e = entries.get(resourceId);
    return e == null ? Optional.empty() : view(resourceId, e);
  }

  /**
   * What a dismissal of this record should cover now: the breakage's first failure when the link is
   * BROKEN (so a later, new breakage is not covered), else null.
   */
  public @Nullable Instant brokenSince(String resourceId) {
    Entry e = entries.get(resourceId);
    LinkHealth health = e == null ? null : currentHealth(e);
    return health != null && health.state() == LinkState.BROKEN ? health.firstFailureAt() : null;
  }

  private static Optional<BrokenLink> view(String id, Entry e) {
    Listed listed = e.listed();
    if (listed == null) {
      return Optional.empty();
    }
    LinkHealth health = currentHealth(e);
    BrokenLinkDismissal dismissal = e.dismissal() != null && e.dismissal().url().equals(listed.url()) ? e.dismissal() : null;
    boolean broken = health != null && health.state() == LinkState.BROKEN
        && (dismissal == null || dismissal.brokenSince() == null || !Objects.equals(dismissal.brokenSince(), health.firstFailureAt()));
    List<BrokenLinkReport> reports = e.reports().stream()
        .filter(r -> r.url().equals(listed.url()) && (dismissal == null || r.at().isAfter(dismissal.at()))).toList();
    if (!broken && reports.isEmpty()) {
      return Optional.empty();
    }
    Instant since = reports.isEmpty() ? null : reports.getFirst().at();
    Instant brokenSince = broken ? Objects.requireNonNullElse(health.firstFailureAt(), health.lastCheckedAt()) : null;
    if (brokenSince != null && (since == null || brokenSince.isBefore(since))) {
      since = brokenSince;
    }
    List<String> notes = reports.reversed().stream().map(BrokenLinkReport::note).filter(Objects::nonNull)
        .filter(n -> !n.isBlank()).limit(NOTES_SHOWN).toList();
    var last = health == null ? null : health.lastOutcome();
    return Optional.of(new BrokenLink(id, listed.title(), listed.url(), health == null ? LinkState.UNCHECKED.name() : health.state().name(),
        broken, brokenSince, last == null ? null : last.outcome().name(), last == null ? null : last.detail(),
        health == null ? null : health.lastCheckedAt(), reports.size(), notes, Objects.requireNonNull(since)));
  }

  private static @Nullable LinkHealth currentHealth(Entry e) {
    LinkHealth health = e.health();
    return health != null && e.listed() != null && health.url().equals(e.listed().url()) ? health : null;
  }

  private void update(String resourceId, java.util.function.UnaryOperator<Entry> change) {
    entries.compute(resourceId, (id, old) -> {
      Entry next = change.apply(old == null ? Entry.EMPTY : old);
      return next.isEmpty() ? null : next;
    });
  }
}
