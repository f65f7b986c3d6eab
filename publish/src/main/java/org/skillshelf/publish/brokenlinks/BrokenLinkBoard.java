package org.skillshelf.publish.brokenlinks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.BrokenLinkDismissal;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;

/**
 * What the broken-links queue knows: for the records whose link is not healthy, or that readers
 * reported or curators dismissed, the link's health, the reports and the latest dismissal; fed from
 * four topics in whatever order they arrive, and thread-safe. A healthy, unreported link takes no
 * entry, and a link that returns to health leaves the board, so the board grows with the links in
 * trouble rather than with the catalogue: a record's title and current link are looked up in the
 * catalogue when the queue is shown. Health and reports about a link the record no longer has (the
 * URL was replaced) are ignored, so replacing a link takes the record out of the queue until the
 * new link fails too.
 *
 * <pre>{@code
 * var board = new BrokenLinkBoard(index::get);
 * board.health("r1", health);
 * List<BrokenLink> queue = board.open();
 * }</pre>
 */
public final class BrokenLinkBoard {
  /** Reports kept per record; older ones only matter as a count, which this many already make plain. */
  static final int REPORTS_KEPT = 20;
  private static final int NOTES_SHOWN = 3;

  private record Listed(String title, String url) {}

  private record Entry(@Nullable LinkHealth health, List<BrokenLinkReport> reports, @Nullable BrokenLinkDismissal dismissal) {
    static final Entry EMPTY = new Entry(null, List.of(), null);

    boolean isEmpty() {
      return health == null && reports.isEmpty() && dismissal == null;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Function<String, Optional<CatalogueRecord>> catalogue;

  /** A board that looks records up in this catalogue (empty for a record not, or no longer, published). */
  public BrokenLinkBoard(Function<String, Optional<CatalogueRecord>> catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * A record published or changed; null (a withdrawal) forgets everything about it. A changed link
   * drops what was known about the old one.
   */
  public void catalogued(String resourceId, @Nullable CatalogueRecord record) {
    if (record == null) {
      entries.remove(resourceId);
      return;
    }
    String url = record.url();
    update(resourceId, e -> new Entry(e.health() != null && e.health().url().equals(url) ? e.health() : null,
        e.reports().stream().filter(r -> r.url().equals(url)).toList(),
        e.dismissal() != null && e.dismissal().url().equals(url) ? e.dismissal() : null));
  }

  /**
   * The link's latest health; its check history is not kept here. A healthy or unchecked link is
   * only remembered while readers' reports keep its record on the board (the queue shows its state).
   */
  public void health(String resourceId, @Nullable LinkHealth health) {
    LinkHealth slim = health == null ? null : new LinkHealth(health.v(), health.resourceId(), health.url(), health.state(),
        health.consecutiveFailures(), health.firstFailureAt(), health.lastCheckedAt(), health.lastOkAt(), health.lastOutcome(), List.of(),
        health.nextCheckAt());
    boolean troubled = slim != null && (slim.state() == LinkState.BROKEN || slim.state() == LinkState.DEGRADED);
    update(resourceId, e -> new Entry(troubled || !e.reports().isEmpty() ? slim : null, e.reports(), e.dismissal()));
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
      return new Entry(e.health(), List.copyOf(kept), e.dismissal());
    });
  }

  public void dismissed(BrokenLinkDismissal dismissal) {
    update(dismissal.resourceId(), e -> e.dismissal() != null && e.dismissal().at().isAfter(dismissal.at()) ? e
        : new Entry(e.health(), e.reports(), dismissal));
  }

  /** How many records the board holds anything about: links in trouble, reported or dismissed. */
  int size() {
    return entries.size();
  }

  /** Every record that needs a curator, the longest waiting first. */
  public List<BrokenLink> open() {
    List<BrokenLink> open = new ArrayList<>();
    entries.forEach((id, e) -> view(id, e, listed(id)).ifPresent(open::add));
    open.sort(Comparator.comparing(BrokenLink::since).thenComparing(BrokenLink::resourceId));
    return open;
  }

  /** One record's queue entry, if it is in the queue. */
  public Optional<BrokenLink> entry(String resourceId) {
    Entry e = entries.get(resourceId);
    return e == null ? Optional.empty() : view(resourceId, e, listed(resourceId));
  }

  /**
   * What a dismissal of this record should cover now: the breakage's first failure when the link is
   * BROKEN (so a later, new breakage is not covered), else null.
   */
  public @Nullable Instant brokenSince(String resourceId) {
    Entry e = entries.get(resourceId);
    LinkHealth health = e == null ? null : currentHealth(e, listed(resourceId));
    return health != null && health.state() == LinkState.BROKEN ? health.firstFailureAt() : null;
  }

  private @Nullable Listed listed(String resourceId) {
    return catalogue.apply(resourceId).map(r -> new Listed(r.title(), r.url())).orElse(null);
  }

  private static Optional<BrokenLink> view(String id, Entry e, @Nullable Listed listed) {
    if (listed == null) {
      return Optional.empty();
    }
    LinkHealth health = currentHealth(e, listed);
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

  private static @Nullable LinkHealth currentHealth(Entry e, @Nullable Listed listed) {
    LinkHealth health = e.health();
    return health != null && listed != null && health.url().equals(listed.url()) ? health : null;
  }

  private void update(String resourceId, java.util.function.UnaryOperator<Entry> change) {
    entries.compute(resourceId, (id, old) -> {
      Entry next = change.apply(old == null ? Entry.EMPTY : old);
      return next.isEmpty() ? null : next;
    });
  }
}
