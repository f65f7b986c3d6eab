package org.skillshelf.enrich.extract;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.skillshelf.text.Truncation;

/**
 * Makes a metadata string safe to store and show: entities decoded, markup stripped (the text of
 * scripts and styles dropped), control and format characters removed, whitespace collapsed,
 * length bounded at a word boundary.
 */
final class PlainText {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\s]]");
  private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");

  private PlainText() {}

  /** The cleaned text, or null when nothing readable is left. */
  static @Nullable String clean(@Nullable String raw, int maxLength) {
    if (raw == null) {
      return null;
    }
    String text = raw;
    if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
      text = Jsoup.parseBodyFragment(text).text();
    }
    text = CONTROL.matcher(text).replaceAll("");
    text = SPACE.matcher(text).replaceAll(" ").strip();
    if (text.isEmpty()) {
      return null;
    }
    return Truncation.atWord(text, maxLength);
  }
}
