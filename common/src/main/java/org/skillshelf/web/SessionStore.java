package org.skillshelf.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The curators' login sessions, held in memory: a session is a random 256-bit id naming a curator,
 * forgotten after an idle period or an absolute lifetime, and the store never holds more than a
 * fixed number (the least recently used goes first), so a flood of logins cannot exhaust memory.
 * A restart signs everyone out, which is acceptable for a handful of curators.
 *
 * <pre>{@code
 * SessionStore sessions = new SessionStore(Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofHours(12), 10_000);
 * String id = sessions.open("ada");
 * sessions.curator(id); // Optional[ada], and the idle timer restarts
 * }</pre>
 */
public final class SessionStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;
  private final int capacity;
  private final Map<String, Session> sessions = new HashMap<>();

  private record Session(String curator, Instant opened, Instant lastSeen) {}

  public SessionStore(Clock clock, Duration idle, Duration lifetime, int capacity) {
    if (idle.isNegative() || idle.isZero() || lifetime.compareTo(idle) < 0) {
      throw new IllegalArgumentException("the idle timeout must be positive and no longer than the lifetime");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("a session store must hold at least one session");
    }
    this.clock = clock;
    this.idle = idle;
    this.lifetime = lifetime;
    this.capacity = capacity;
  }

  /** Opens a session for a curator who has just proved who they are, and returns its id. */
  public synchronized String open(String curator) {
    Instant now = clock.instant();
    if (sessions.size() >= capacity) {
      sessions.values().removeIf(s -> expired(s, now));
    }
    while (sessions.size() >= capacity) {
      sessions.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastSeen()))
          .map(Map.Entry::getKey).ifPresent(sessions::remove);
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.put(id, new Session(curator, now, now));
    return id;
  }

  /** The curator a live session belongs to; using a session restarts its idle timer. */
  public synchronized Optional<String> curator(String id) {
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    sessions.put(id, new Session(session.curator(), session.opened(), now));
    return Optional.of(session.curator());
  }

  /** Ends a session (sign out); unknown ids are ignored. */
  public synchronized void close(String id) {
    sessions.remove(id);
  }

  public synchronized int size() {
    return sessions.size();
  }

  private boolean expired(Session session, Instant now) {
    return !now.isBefore(session.lastSeen().plus(idle)) || !now.isBefore(session.opened().plus(lifetime));
  }
}
