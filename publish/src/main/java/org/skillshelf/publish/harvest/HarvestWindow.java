package org.skillshelf.publish.harvest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;

/**
 * What a list request selects (set, from, until) and where its next page starts. Paging keeps the
 * position as the last (datestamp, id) sent rather than an offset, so records published or
 * withdrawn while a harvester pages through do not make it skip others. The resumption token is
 * this whole state, base64url-encoded.
 *
 * @param afterStamp datestamp (epoch milliseconds) of the last record sent, or -1 at the start
 * @param cursor how many records earlier pages held
 */
record HarvestWindow(@Nullable String set, @Nullable Instant from, @Nullable Instant until, long afterStamp,
    String afterId, int cursor) {
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

  static HarvestWindow of(@Nullable String set, @Nullable String from, @Nullable String until) {
    if (from != null && until != null && from.length() != until.length()) {
      throw new OaiError("badArgument", "'from' and 'until' must have the same granularity.");
    }
    Instant start = from == null ? null : instant(from, false);
    Instant end = until == null ? null : instant(until, true);
    if (start != null && end != null && start.isAfter(end)) {
      throw new OaiError("badArgument", "'from' is later than 'until'.");
    }
    return new HarvestWindow(set, start, end, -1, "", 0);
  }

  private static Instant instant(String value, boolean endOfDay) {
    try {
      if (DAY.matcher(value).matches()) {
        LocalDate day = LocalDate.parse(value);
        return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
            : day.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (SECOND.matcher(value).matches()) {
        Instant at = Instant.parse(value);
        return endOfDay ? at.plusMillis(999) : at;
      }
    } catch (DateTimeParseException e) {
      // falls through to the error below
    }
    throw new OaiError("badArgument", "'" + value + "' is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).");
  }

  HarvestWindow after(CatalogueRecord last, int sent) {
    return new HarvestWindow(set, from, until, last.updatedAt().toEpochMilli(), last.resourceId(), cursor + sent);
  }

  String token(String metadataPrefix) {
    String state = String.join("\n", metadataPrefix, set == null ? "" : set, from == null ? "" : from.toString(),
        until == null ? "" : until.toString(), Long.toString(afterStamp), afterId, Integer.toString(cursor));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(state.getBytes(StandardCharsets.UTF_8));
  }

  /** The window and metadata prefix a token carries; anything unreadable is a badResumptionToken. */
  static Resumed resume(String token) {
    try {
      String[] f = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
      if (f.length != 7) {
        throw new IllegalArgumentException("wrong number of fields");
      }
      var window = new HarvestWindow(f[1].isEmpty() ? null : f[1], f[2].isEmpty() ? null : Instant.parse(f[2]),
          f[3].isEmpty() ? null : Instant.parse(f[3]), Long.parseLong(f[4]), f[5], Integer.parseInt(f[6]));
      return new Resumed(f[0], window);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new OaiError("badResumptionToken", "The resumption token is not one this repository issued.");
    }
  }

  /** A decoded resumption token. */
  record Resumed(String metadataPrefix, HarvestWindow window) {}
}
