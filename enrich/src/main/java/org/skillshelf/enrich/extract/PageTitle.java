package org.skillshelf.enrich.extract;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Takes the site's name off a page title ("How rivers form | Earth Lab" becomes "How rivers
 * form"), but only when the part removed matches the site name or the host, or the part kept is
 * the page's own heading, so that titles which merely contain a dash keep it.
 */
final class PageTitle {

  private static final Pattern SEPARATOR =
      Pattern.compile("\\s+(?:\\||-|–|—|::|·|»|•|/|:)\\s+");

  /**
   * Fewer words than this left after removing the site's name, and the full title stays: "Mozilla"
   * alone says less than "Mozilla - Wikipedia". Readability keeps titles the same way.
   */
  static final int MIN_WORDS_LEFT = 3;

  private PageTitle() {}

  static @Nullable String withoutSiteName(@Nullable String title, @Nullable String siteName,
      @Nullable String heading, URI pageUri) {
    if (title == null) {
      return null;
    }
    String shorter = shortened(title, siteName, heading, pageUri);
    return words(shorter) < MIN_WORDS_LEFT ? title : shorter;
  }

  private static String shortened(String title, @Nullable String siteName, @Nullable String heading,
      URI pageUri) {
    String[] parts = SEPARATOR.split(title.strip());
    if (parts.length < 2) {
      return title;
    }
    if (heading != null && !heading.isBlank()) {
      String wanted = squash(heading);
      if (squash(parts[0]).equals(wanted) || squash(parts[parts.length - 1]).equals(wanted)) {
        return heading.strip();
      }
    }
    String host = hostName(pageUri);
    String last = parts[parts.length - 1];
    if (namesSite(last, siteName, host)) {
      return strip(title, lastSeparatorStart(title), true);
    }
    if (namesSite(parts[0], siteName, host)) {
      return strip(title, firstSeparatorEnd(title), false);
    }
    return withoutShortTail(title, parts);
  }

  /**
   * Without a known site name, a short last part after a pipe or dash is still most likely the
   * site's name when what stays is a full headline; a last part with digits ("Part 2") stays.
   */
  private static String withoutShortTail(String title, String[] parts) {
    String last = parts[parts.length - 1];
    int restWords = words(title.substring(0, lastSeparatorStart(title)));
    if (words(last) <= 3 && restWords >= 5 && !last.matches(".*\\d.*")) {
      return strip(title, lastSeparatorStart(title), true);
    }
    return title;
  }

  private static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  private static String strip(String title, int at, boolean keepStart) {
    String rest = keepStart ? title.substring(0, at) : title.substring(at);
    return rest.isBlank() ? title : rest.strip();
  }

  private static int lastSeparatorStart(String title) {
    var matcher = SEPARATOR.matcher(title);
    int start = -1;
    while (matcher.find()) {
      start = matcher.start();
    }
    return start;
  }

  private static int firstSeparatorEnd(String title) {
    var matcher = SEPARATOR.matcher(title);
    return matcher.find() ? matcher.end() : 0;
  }

  private static boolean namesSite(String part, @Nullable String siteName, String host) {
    String candidate = squash(part);
    if (candidate.length() < 3) {
      return false;
    }
    if (siteName != null) {
      String site = squash(siteName);
      if (!site.isEmpty() && (site.equals(candidate) || site.contains(candidate)
          || candidate.contains(site))) {
        return true;
      }
    }
    return !host.isEmpty() && (host.contains(candidate) || candidate.contains(host));
  }

  /** The registrable-looking part of the host: "www.bbc.co.uk" gives "bbc". */
  private static String hostName(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String[] labels = host.split("\\.");
    String best = "";
    for (String label : labels) {
      if (label.length() > best.length() && !label.equals("www") && !label.equals("com")
          && !label.equals("org") && !label.equals("co") && !label.equals("net")) {
        best = label;
      }
    }
    return squash(best);
  }

  private static String squash(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
