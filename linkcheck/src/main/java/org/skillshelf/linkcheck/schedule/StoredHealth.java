package org.skillshelf.linkcheck.schedule;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkHealth.PastCheck;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.Topics;

/**
 * A link's health as the health store keeps it: a compact binary form, since every check reads the
 * link's health and writes it back, history and all. A health with a full history of 30 checks is
 * about 4.5 KB of JSON, which took 90–130 µs to read and write again on the stream thread; in this
 * form it is about 0.9 KB and 7.5 µs. The link-health topic, which the catalogue reads, keeps JSON,
 * written only when the health is news.
 *
 * <p>The store also keeps the page the link's last check found fine ({@link KnownGood}), so that
 * a check writes the health store only, never the schedule store.
 *
 * <p>The form starts with a format byte (1), so that it is told from the JSON that stores written
 * before it hold (which starts with {@code '{'}, and still reads). Then, in order: resourceId, url,
 * state, consecutiveFailures, firstFailureAt, lastCheckedAt, lastOkAt, nextCheckAt, lastOutcome,
 * the history and the page found fine, in {@link ByteBuffer}'s big-endian numbers. Strings are a
 * length and UTF-8 bytes, instants seconds and nanoseconds, HTTP statuses shorts. Outcomes and
 * states are their positions in their enums, a byte each, so new ones must be added at the end (a
 * test holds the order). A check's final address, and the last outcome's link, nearly always the
 * link's own, are written only when they differ.
 */
public final class StoredHealth {
  private static final byte FORMAT = 1;
  private static final byte NONE = 0;
  private static final byte SAME_AS_LINK = 1;
  private static final byte GIVEN = 2;
  private static final CheckOutcome[] OUTCOMES = CheckOutcome.values();
  private static final LinkState[] STATES = LinkState.values();

  private StoredHealth() {}

  /**
   * The page a link's last check found fine: its body's digest (0 if the last check found none),
   * and the fingerprint of the approved text it was judged against. A page whose bytes are the
   * same again is not read again, as long as the approved text is the same too.
   */
  public record KnownGood(long body, long fingerprint) {}

  /** A health as stored, and the page its last check found fine: null in a value written before it was kept here. */
  public record Stored(LinkHealth health, @Nullable KnownGood knownGood) {}

  public static byte[] encode(LinkHealth health, KnownGood knownGood) {
    var out = new Out();
    out.need(1).put(FORMAT);
    out.string(health.resourceId());
    out.string(health.url());
    out.need(5).put((byte) health.state().ordinal()).putInt(health.consecutiveFailures());
    out.instant(health.firstFailureAt());
    out.instant(health.lastCheckedAt());
    out.instant(health.lastOkAt());
    out.instant(health.nextCheckAt());
    LinkCheck last = health.lastOutcome();
    boolean ofThisLink = last != null && last.resourceId().equals(health.resourceId()) && last.url().equals(health.url());
    out.need(1).put(last == null ? NONE : ofThisLink ? SAME_AS_LINK : GIVEN);
    if (last != null) {
      if (!ofThisLink) {
        out.string(last.resourceId());
        out.string(last.url());
      }
      out.check(PastCheck.of(last), last.url());
    }
    out.need(4).putInt(health.history().size());
    for (PastCheck past : health.history()) {
      out.check(past, health.url());
    }
    out.need(16).putLong(knownGood.body()).putLong(knownGood.fingerprint());
    return out.bytes();
  }

  /** The health in {@code stored}, in this form or as JSON; null for null (a deleted link). */
  public static @Nullable LinkHealth decode(byte @Nullable [] stored) {
    Stored read = read(stored);
    return read == null ? null : read.health();
  }

  /** The health in {@code stored} and the page it found fine; null for null (a deleted link). */
  public static @Nullable Stored read(byte @Nullable [] stored) {
    if (stored == null) {
      return null;
    }
    if (stored.length == 0 || stored[0] != FORMAT) {
      return new Stored(Objects.requireNonNull(Topics.LINK_HEALTH.serde().deserializer().deserialize(Topics.LINK_HEALTH.name(), stored)),
          null);
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(stored, 1, stored.length - 1);
      String resourceId = string(in);
      String url = string(in);
      LinkState state = STATES[in.get()];
      int failures = in.getInt();
      Instant firstFailureAt = instant(in);
      Instant lastCheckedAt = instant(in);
      Instant lastOkAt = instant(in);
      Instant nextCheckAt = instant(in);
      LinkCheck last = switch (in.get()) {
        case NONE -> null;
        case SAME_AS_LINK -> check(in, url).of(resourceId, url);
        case GIVEN -> {
          String lastId = string(in);
          String lastUrl = string(in);
          yield check(in, lastUrl).of(lastId, lastUrl);
        }
        default -> throw new IllegalStateException("unknown kind of last outcome");
      };
      int count = in.getInt();
      if (count < 0 || count > in.remaining()) {
        throw new IllegalStateException("a history of " + count + " checks in " + in.remaining() + " bytes");
      }
      List<PastCheck> history = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        history.add(check(in, url));
      }
      var health = new LinkHealth(LinkHealth.VERSION, resourceId, url, state, failures, firstFailureAt, lastCheckedAt, lastOkAt, last,
          history, nextCheckAt);
      return new Stored(health, new KnownGood(in.getLong(), in.getLong()));
    } catch (RuntimeException e) {
      throw new SerializationException("stored link health unreadable (" + stored.length + " bytes): " + e, e);
    }
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalStateException("a string of " + length + " bytes where " + in.remaining() + " are left");
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private static @Nullable Instant instant(ByteBuffer in) {
    return in.get() == 0 ? null : Instant.ofEpochSecond(in.getLong(), in.getInt());
  }

  private static PastCheck check(ByteBuffer in, String url) {
    CheckOutcome outcome = OUTCOMES[in.get()];
    int status = in.getShort();
    String finalUrl = switch (in.get()) {
      case NONE -> null;
      case SAME_AS_LINK -> url;
      case GIVEN -> string(in);
      default -> throw new IllegalStateException("unknown kind of final address");
    };
    long latency = in.getLong();
    String detail = in.get() == 0 ? null : string(in);
    Instant checkedAt = instant(in);
    if (checkedAt == null) {
      throw new IllegalStateException("a check without its time");
    }
    return new PastCheck(outcome, status, finalUrl, latency, detail, checkedAt);
  }

  /** A buffer that grows as it is written. */
  private static final class Out {
    private ByteBuffer buffer = ByteBuffer.allocate(512);

    ByteBuffer need(int bytes) {
      if (buffer.remaining() < bytes) {
        buffer = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes)).put(buffer.flip());
      }
      return buffer;
    }

    void string(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      need(4 + utf8.length).putInt(utf8.length).put(utf8);
    }

    void instant(@Nullable Instant at) {
      if (at == null) {
        need(1).put((byte) 0);
      } else {
        need(13).put((byte) 1).putLong(at.getEpochSecond()).putInt(at.getNano());
      }
    }

    /** One check; its final address, nearly always {@code url}, is written only when it differs. */
    void check(PastCheck check, String url) {
      String finalUrl = check.finalUrl();
      boolean given = finalUrl != null && !finalUrl.equals(url);
      need(4).put((byte) check.outcome().ordinal()).putShort((short) check.status())
          .put(finalUrl == null ? NONE : given ? GIVEN : SAME_AS_LINK);
      if (given) {
        string(finalUrl);
      }
      need(9).putLong(check.latencyMs()).put((byte) (check.detail() == null ? 0 : 1));
      if (check.detail() != null) {
        string(check.detail());
      }
      instant(check.checkedAt());
    }

    byte[] bytes() {
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }
}
