package org.skillshelf.linkcheck.schedule;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
 * about 4 KB of JSON, which took about 75 µs to read and write again on the stream thread (the
 * link-health topic's JSON, which the catalogue reads, is written only when the health is news);
 * in this form it is under 1 KB.
 *
 * <p>The form starts with a format byte (1), so that it is told from the JSON that stores written
 * before it hold (which starts with {@code '{'}, and still reads). Then, in order: resourceId, url,
 * state, consecutiveFailures, firstFailureAt, lastCheckedAt, lastOkAt, nextCheckAt, lastOutcome
 * and the history, in {@link DataOutputStream}'s big-endian numbers. Strings are a length and UTF-8
 * bytes, instants seconds and nanoseconds, HTTP statuses shorts, enums their names (so that a
 * reordered enum still reads). A check's final address, and the last outcome's link, nearly
 * always the link's own, are written only when they differ.
 */
public final class StoredHealth {
  private static final byte FORMAT = 1;
  private static final byte NONE = 0;
  private static final byte SAME_AS_LINK = 1;
  private static final byte GIVEN = 2;

  private StoredHealth() {}

  public static byte[] encode(LinkHealth health) {
    var bytes = new ByteArrayOutputStream(256);
    var out = new DataOutputStream(bytes);
    try {
      out.writeByte(FORMAT);
      string(out, health.resourceId());
      string(out, health.url());
      string(out, health.state().name());
      out.writeInt(health.consecutiveFailures());
      instant(out, health.firstFailureAt());
      instant(out, health.lastCheckedAt());
      instant(out, health.lastOkAt());
      instant(out, health.nextCheckAt());
      LinkCheck last = health.lastOutcome();
      boolean ofThisLink = last != null && last.resourceId().equals(health.resourceId()) && last.url().equals(health.url());
      out.writeByte(last == null ? NONE : ofThisLink ? SAME_AS_LINK : GIVEN);
      if (last != null) {
        if (!ofThisLink) {
          string(out, last.resourceId());
          string(out, last.url());
        }
        check(out, PastCheck.of(last), last.url());
      }
      out.writeInt(health.history().size());
      for (PastCheck past : health.history()) {
        check(out, past, health.url());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not from memory
    }
    return bytes.toByteArray();
  }

  /** The health in {@code stored}, in this form or as JSON; null for null (a deleted link). */
  public static @Nullable LinkHealth decode(byte @Nullable [] stored) {
    if (stored == null) {
      return null;
    }
    if (stored.length == 0 || stored[0] != FORMAT) {
      return Topics.LINK_HEALTH.serde().deserializer().deserialize(Topics.LINK_HEALTH.name(), stored);
    }
    try {
      var in = new DataInputStream(new ByteArrayInputStream(stored, 1, stored.length - 1));
      String resourceId = string(in);
      String url = string(in);
      LinkState state = LinkState.valueOf(string(in));
      int failures = in.readInt();
      Instant firstFailureAt = instant(in);
      Instant lastCheckedAt = instant(in);
      Instant lastOkAt = instant(in);
      Instant nextCheckAt = instant(in);
      LinkCheck last = switch (in.readByte()) {
        case NONE -> null;
        case SAME_AS_LINK -> check(in, url).of(resourceId, url);
        case GIVEN -> {
          String lastId = string(in);
          String lastUrl = string(in);
          yield check(in, lastUrl).of(lastId, lastUrl);
        }
        default -> throw new IllegalStateException("unknown kind of last outcome");
      };
      int count = in.readInt();
      List<PastCheck> history = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        history.add(check(in, url));
      }
      return new LinkHealth(LinkHealth.VERSION, resourceId, url, state, failures, firstFailureAt, lastCheckedAt, lastOkAt, last,
          history, nextCheckAt);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("stored link health unreadable (" + stored.length + " bytes): " + e, e);
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    byte[] utf8 = in.readNBytes(length);
    if (utf8.length != length) {
      throw new EOFException("a string of " + length + " bytes cut at " + utf8.length);
    }
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static void instant(DataOutputStream out, @Nullable Instant at) throws IOException {
    out.writeBoolean(at != null);
    if (at != null) {
      out.writeLong(at.getEpochSecond());
      out.writeInt(at.getNano());
    }
  }

  private static @Nullable Instant instant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  /** One check; its final address, nearly always {@code url}, is written only when it differs. */
  private static void check(DataOutputStream out, PastCheck check, String url) throws IOException {
    string(out, check.outcome().name());
    out.writeShort(check.status());
    String finalUrl = check.finalUrl();
    out.writeByte(finalUrl == null ? NONE : finalUrl.equals(url) ? SAME_AS_LINK : GIVEN);
    if (finalUrl != null && !finalUrl.equals(url)) {
      string(out, finalUrl);
    }
    out.writeLong(check.latencyMs());
    out.writeBoolean(check.detail() != null);
    if (check.detail() != null) {
      string(out, check.detail());
    }
    instant(out, check.checkedAt());
  }

  private static PastCheck check(DataInputStream in, String url) throws IOException {
    CheckOutcome outcome = CheckOutcome.valueOf(string(in));
    int status = in.readShort();
    String finalUrl = switch (in.readByte()) {
      case NONE -> null;
      case SAME_AS_LINK -> url;
      case GIVEN -> string(in);
      default -> throw new IllegalStateException("unknown kind of final address");
    };
    long latency = in.readLong();
    String detail = in.readBoolean() ? string(in) : null;
    Instant checkedAt = Objects.requireNonNull(instant(in), "a check without its time");
    return new PastCheck(outcome, status, finalUrl, latency, detail, checkedAt);
  }
}
