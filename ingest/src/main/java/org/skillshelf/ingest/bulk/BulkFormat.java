package org.skillshelf.ingest.bulk;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The file formats a bulk import may come in, and how to tell which one a request holds. */
enum BulkFormat {
  PLAIN_TEXT,
  CSV,
  BOOKMARKS,
  MARKDOWN;

  private static final int SNIFF_CHARACTERS = 4096;
  private static final int SNIFF_LINES = 500;
  private static final Pattern BOOKMARK_MARKERS =
      Pattern.compile("<!doctype\\s+netscape-bookmark-file|<dt>\\s*<a\\s", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSV_URL_HEADER =
      Pattern.compile("(?i)(^|[,;\\t])\\s*\"?url\"?\\s*([,;\\t]|$)");

  /**
   * Trusts a specific content type; for a missing or generic one ({@code text/plain},
   * {@code application/octet-stream}, anything unknown) looks at the content, because browsers
   * and scripts often upload every file as one of those.
   */
  static BulkFormat detect(@Nullable String contentType, String body) {
    return switch (mediaType(contentType)) {
      case "text/csv", "application/csv", "text/comma-separated-values" -> CSV;
      case "text/markdown", "text/x-markdown" -> MARKDOWN;
      case "text/html", "application/xhtml+xml" -> BOOKMARKS;
      default -> sniff(body);
    };
  }

  private static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static BulkFormat sniff(String body) {
    String head = body.substring(0, Math.min(body.length(), SNIFF_CHARACTERS));
    if (BOOKMARK_MARKERS.matcher(head).find()) {
      return BOOKMARKS;
    }
    String firstLine = body.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
    if (CSV_URL_HEADER.matcher(firstLine).find()) {
      return CSV;
    }
    boolean markdown = body.lines().limit(SNIFF_LINES).anyMatch(MarkdownList::holdsLink);
    return markdown ? MARKDOWN : PLAIN_TEXT;
  }
}
