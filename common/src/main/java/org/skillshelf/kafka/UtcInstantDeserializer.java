package org.skillshelf.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Reads the instants Skillshelf itself writes ({@code 2026-11-27T09:41:18.284Z}: UTC, seconds, an
 * optional fraction of one to nine digits) by position, and hands anything else (offsets, numbers,
 * leap seconds, odd spellings) to Jackson's own {@link InstantDeserializer}, so what is accepted is
 * exactly what was accepted before. Every event carries instants, and {@code DateTimeFormatter}'s
 * general parser made reading them about half the cost of reading an event (profiled in the link
 * checker, where events are small and many).
 */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {
  private static final long SECONDS_PER_DAY = 86_400;

  UtcInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Instant read = parse(parser.getText());
      if (read != null) {
        return read;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(parser, context);
  }

  /** The instant {@code text} spells in the shape above, or null when it has another shape. */
  static @Nullable Instant parse(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = fraction(text, 19, length - 1);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
        || nanos < 0) {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null; // 2026-02-30 and the like: let the general parser say what is wrong
    }
  }

  /** The number written in {@code text[from, to)}, all ASCII digits, or -1. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Nanoseconds from an optional {@code .d{1,9}} in {@code text[from, to)}, or -1 when it is something else. */
  private static int fraction(String text, int from, int to) {
    if (from == to) {
      return 0;
    }
    int count = to - from - 1;
    if (text.charAt(from) != '.' || count < 1 || count > 9) {
      return -1;
    }
    int value = digits(text, from + 1, to);
    if (value < 0) {
      return -1;
    }
    for (int i = count; i < 9; i++) {
      value *= 10;
    }
    return value;
  }
}
