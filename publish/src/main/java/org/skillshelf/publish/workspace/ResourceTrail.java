package org.skillshelf.publish.workspace;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.kafka.Json;
import org.skillshelf.publish.workspace.ResourceHistory.Event;

/**
 * The parts of a resource's history that the review queue does not hold: who suggested it, through
 * which channel, and each change of its link's health. Fed from the submissions and link-health
 * topics by {@link ResourceTrailFeed}. Link health is a compacted topic, so after a restart only
 * the changes still on it are known (at least the current state); submissions are kept forever.
 *
 * <p>The trails live in a {@link TrailStore} on disk, outside the Java heap, so a catalogue of any
 * size costs the heap nothing per resource; like the search index, the store is rebuilt from the
 * topics at every start. Thread-safe: one writer at a time, any number of readers.
 *
 * <pre>{@code
 * trail.submitted(submission);
 * List<ResourceHistory.Event> events = trail.eventsFor(resourceId);
 * }</pre>
 */
public final class ResourceTrail implements AutoCloseable {
  /** Enough for any real resource, and a bound on what one hostile submitter can make it hold. */
  static final int MAX_EVENTS = 30;
  private static final ObjectWriter WRITER = Json.mapper().writerFor(Trail.class);
  private static final ObjectReader READER = Json.mapper().readerFor(Trail.class);

  /** One resource's stored trail. */
  record Trail(List<Event> submissions, List<Event> linkChanges) {
    static final Trail EMPTY = new Trail(List.of(), List.of());
  }

  private final TrailStore store;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  /** A trail in a temporary folder, removed on close. */
  public ResourceTrail() {
    this(temporaryFolder());
  }

  /** A trail in {@code folder}, an empty folder the trail owns and removes on close. */
  public ResourceTrail(Path folder) {
    this.store = new TrailStore(folder);
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("skillshelf-trail-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records a suggestion of the resource: by whom (the submitter's name, never the e-mail) and how. */
  public void submitted(SubmissionReceived s) {
    String by = s.submitter() == null ? null : s.submitter().name();
    String detail = "via " + s.channel() + (s.autoPublishBy() == null ? "" : ", published without review by " + s.autoPublishBy());
    Event event = new Event("SUBMITTED", s.at(), by == null || by.isBlank() ? null : by.strip(), s.note(), detail);
    write(() -> change(s.resourceId(), t -> new Trail(bounded(t.submissions(), event), t.linkChanges())));
  }

  /**
   * Records the link's health when its state differs from the last one seen. The last state is
   * kept apart from the events, so that the many checks that change nothing read one byte.
   *
   * @param seenAt when the health was written, for a health that names no check time
   */
  public void linkHealth(LinkHealth health, Instant seenAt) {
    byte state = (byte) health.state().ordinal();
    write(() -> {
      byte @Nullable [] last = store.get(TrailStore.STATE, health.resourceId());
      if (last != null && last.length == 1 && last[0] == state) {
        return;
      }
      Instant at = health.lastCheckedAt() != null ? health.lastCheckedAt() : seenAt;
      Event event = new Event("LINK_" + health.state().name(), at, null, null, describe(health.lastOutcome()));
      change(health.resourceId(), t -> new Trail(t.submissions(), bounded(t.linkChanges(), event)));
      store.put(TrailStore.STATE, health.resourceId(), new byte[] {state});
    });
  }

  /** The trail of one resource, oldest first; empty for a resource it never heard of. */
  public List<Event> eventsFor(String resourceId) {
    lock.readLock().lock();
    try {
      Trail trail = closed ? Trail.EMPTY : read(resourceId);
      List<Event> events = new ArrayList<>(trail.submissions());
      events.addAll(trail.linkChanges());
      events.sort(ResourceHistory.OLDEST_FIRST);
      return List.copyOf(events);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        store.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void write(Runnable change) {
    lock.writeLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the resource trail is closed");
      }
      change.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void change(String resourceId, UnaryOperator<Trail> change) {
    try {
      store.put(TrailStore.EVENTS, resourceId, WRITER.writeValueAsBytes(change.apply(read(resourceId))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Trail read(String resourceId) {
    byte @Nullable [] json = store.get(TrailStore.EVENTS, resourceId);
    try {
      return json == null ? Trail.EMPTY : READER.readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException("the stored trail of " + resourceId + " is unreadable", e);
    }
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
