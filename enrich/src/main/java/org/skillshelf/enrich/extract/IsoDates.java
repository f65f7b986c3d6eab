package org.skillshelf.enrich.extract;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Normalises the dates pages give into ISO 8601: an instant with its offset when the page gave a
 * time, a plain date when it gave only a day. Anything else is dropped rather than guessed.
 */
final class IsoDates {

  // Built once: a formatter compiled inside a reader would be compiled again for every date.
  private static final DateTimeFormatter OFFSET_NO_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  /**
   * One shape of date: the formatter that recognises it, which part of the text it reads, and
   * how a recognised text becomes ISO 8601.
   */
  private record Reader(DateTimeFormatter shape, UnaryOperator<String> part, UnaryOperator<String> read) {
    /**
     * The ISO form, or null when the text has another shape. The shape is checked without
     * parsing first, because a failed parse throws, and most texts fail most readers.
     */
    @Nullable String apply(String text) {
      String input = part.apply(text);
      ParsePosition position = new ParsePosition(0);
      if (shape.parseUnresolved(input, position) == null || position.getIndex() < input.length()) {
        return null;
      }
      try {
        return read.apply(input);
      } catch (DateTimeException e) {
        return null; // the right shape but no such date or time, such as 31 February
      }
    }
  }

  private static final List<Reader> READERS = List.of(
      new Reader(DateTimeFormatter.ISO_OFFSET_DATE_TIME, s -> s,
          s -> OffsetDateTime.parse(s).truncatedTo(ChronoUnit.SECONDS).toString()),
      new Reader(OFFSET_NO_COLON, s -> s,
          s -> OffsetDateTime.parse(s, OFFSET_NO_COLON).truncatedTo(ChronoUnit.SECONDS).toString()),
      new Reader(DateTimeFormatter.RFC_1123_DATE_TIME, s -> s,
          s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime().toString()),
      new Reader(DateTimeFormatter.ISO_LOCAL_DATE_TIME, s -> s,
          s -> LocalDateTime.parse(s).truncatedTo(ChronoUnit.SECONDS).toString()),
      new Reader(SPACED, s -> s,
          s -> LocalDateTime.parse(s, SPACED).toString()),
      new Reader(DateTimeFormatter.ISO_LOCAL_DATE, s -> s.length() > 10 ? s.substring(0, 10) : s,
          s -> LocalDate.parse(s).toString()),
      new Reader(SLASHED, s -> s,
          s -> LocalDate.parse(s, SLASHED).toString()));

  private IsoDates() {}

  static @Nullable String normalise(@Nullable String raw) {
    String text = PlainText.clean(raw, 64);
    if (text == null) {
      return null;
    }
    for (Reader reader : READERS) {
      String iso = reader.apply(text);
      if (iso != null) {
        return iso;
      }
    }
    return null;
  }
}
