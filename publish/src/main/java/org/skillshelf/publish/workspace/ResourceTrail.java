package org.skillshelf.publish.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.publish.workspace.ResourceHistory.Event;

/**
 * The parts of a resource's history that the review queue does not hold: who suggested it, through
 * which channel, and each change of its link's health. Fed from the submissions and link-health
 * topics by {@link ResourceTrailFeed}. Link health is a compacted topic, so after a restart only
 * the changes still on it are known (at least the current state); submissions are kept forever.
 *
 * <pre>{@code
 * trail.submitted(submission);
 * List<ResourceHistory.Event> events = trail.eventsFor(resourceId);
 * }</pre>
 */
public final class ResourceTrail {
  /** Enough for any real resource, and a bound on what one hostile submitter can make it hold. */
  static final int MAX_EVENTS = 30;

  private record Entry(List<Event> submissions, List<Event> linkChanges, @Nullable LinkState linkState) {
    static final Entry EMPTY = new Entry(List.of(), List.of(), null);
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Records a suggestion of the resource: by whom (the submitter's name, never the e-mail) and how. */
  public void submitted(SubmissionReceived s) {
    String by = s.submitter() == null ? null : s.submitter().name();
    String detail = "via " + s.channel() + (s.autoPublishBy() == null ? "" : ", published without review by " + s.autoPublishBy());
    Event event = new Event("SUBMITTED", s.at(), by == null || by.isBlank() ? null : by.strip(), s.note(), detail);
    entries.compute(s.resourceId(), (id, entry) -> {
      Entry e = entry == null ? Entry.EMPTY : entry;
      return new Entry(bounded(e.submissions(), event), e.linkChanges(), e.linkState());
    });
  }

  /**
   * Records the link's health when its state differs from the last one seen.
   *
   * @param seenAt when the health was written, for a health that names no check time
   */
  public void linkHealth(LinkHealth health, Instant seenAt) {
    entries.compute(health.resourceId(), (id, entry) -> {
      Entry e = entry == null ? Entry.EMPTY : entry;
      if (health.state() == e.linkState()) {
        return e;
      }
      Instant at = health.lastCheckedAt() != null ? health.lastCheckedAt() : seenAt;
      Event event = new Event("LINK_" + health.state().name(), at, null, null, describe(health.lastOutcome()));
      return new Entry(e.submissions(), bounded(e.linkChanges(), event), health.state());
    });
  }

  /** The trail of one resource, oldest first; empty for a resource it never heard of. */
  public List<Event> eventsFor(String resourceId) {
    Entry entry = entries.getOrDefault(resourceId, Entry.EMPTY);
    List<Event> events = new ArrayList<>(entry.submissions());
    events.addAll(entry.linkChanges());
    events.sort(ResourceHistory.OLDEST_FIRST);
    return List.copyOf(events);
  }

  private static List<Event> bounded(List<Event> events, Event added) {
    List<Event> result = new ArrayList<>(events);
    result.add(added);
    return List.copyOf(result.size() > MAX_EVENTS ? result.subList(result.size() - MAX_EVENTS, result.size()) : result);
  }

  private static @Nullable String describe(@Nullable LinkCheck check) {
    if (check == null) {
      return null;
    }
    String outcome = check.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return outcome + (check.status() > 0 ? " (HTTP " + check.status() + ")" : "") + (check.detail() == null ? "" : ": " + check.detail());
  }
}
