package org.skillshelf.publish.harvest;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed, lists
 * joined with {@code ;}). A cell that would start with {@code = + - @} gets a leading apostrophe,
 * so a spreadsheet shows a hostile title rather than running it as a formula.
 */
public final class CsvExport {
  static final List<String> COLUMNS = List.of("resourceId", "url", "title", "description", "authors", "siteName",
      "language", "publishedAt", "type", "level", "skills", "collections", "licence", "readingTimeMinutes",
      "approvedAt", "updatedAt", "linkState");

  private CsvExport() {}

  public static String build(List<ExportRow> rows) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (ExportRow r : rows) {
      out.append(Stream.of(r.resourceId(), r.url(), r.title(), r.description(), String.join(";", r.authors()),
              r.siteName(), r.language(), r.publishedAt(), r.type(), r.level(), String.join(";", r.skills()),
              String.join(";", r.collections()), r.licence(),
              r.readingTimeMinutes() == null ? null : r.readingTimeMinutes().toString(),
              r.approvedAt().toString(), r.updatedAt().toString(), r.linkState())
          .map(CsvExport::cell).collect(Collectors.joining(","))).append("\r\n");
    }
    return out.toString();
  }

  static String cell(@Nullable String value) {
    if (value == null) {
      return "";
    }
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
    return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
