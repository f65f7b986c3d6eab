package org.skillshelf.enrich.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
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

  private static final List<Function<String, String>> READERS = List.of(
      s -> OffsetDateTime.parse(s).truncatedTo(ChronoUnit.SECONDS).toString(),
      s -> OffsetDateTime.parse(s, OFFSET_NO_COLON)
          .truncatedTo(ChronoUnit.SECONDS).toString(),
      s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()
          .toString(),
      s -> LocalDateTime.parse(s).truncatedTo(ChronoUnit.SECONDS).toString(),
      s -> LocalDateTime.parse(s, SPACED)
          .toString(),
      s -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toString(),
      s -> LocalDate.parse(s, SLASHED).toString());

  private IsoDates() {}

  static @Nullable String normalise(@Nullable String raw) {
    String text = PlainText.clean(raw, 64);
    if (text == null) {
      return null;
    }
    for (Function<String, String> reader : READERS) {
      try {
        return reader.apply(text);
      } catch (DateTimeParseException | IndexOutOfBoundsException e) {
        // not this shape; try the next
      }
    }
    return null;
  }
}
