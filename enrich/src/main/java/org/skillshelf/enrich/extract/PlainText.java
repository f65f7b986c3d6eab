package org.skillshelf.enrich.extract;

import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.skillshelf.text.Truncation;

/**
 * Makes a metadata string safe to store and show: entities decoded, markup stripped (the text of
 * scripts and styles dropped), control and format characters removed, whitespace collapsed,
 * length bounded at a word boundary.
 */
final class PlainText {

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
    text = withoutControlsAndRunsOfSpace(text).strip();
    if (text.isEmpty()) {
      return null;
    }
    return Truncation.atWord(text, maxLength);
  }

  /**
   * The text without control, format, private-use and unassigned characters (ASCII whitespace
   * excepted), and each run of whitespace or Unicode separators as one space. One loop rather
   * than two patterns, because every metadata value of every page passes here. A removed
   * character inside a run of spaces leaves one run.
   */
  static String withoutControlsAndRunsOfSpace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inSpace = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isAsciiSpace(c) || isSeparator(c)) {
        if (!inSpace) {
          out.append(' ');
        }
        inSpace = true;
      } else if (!isRemoved(c)) {
        out.appendCodePoint(c);
        inSpace = false;
      }
    }
    return out.toString();
  }

  /** What {@code \s} matches without Unicode classes. */
  private static boolean isAsciiSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** {@code \p{Z}}: space, line and paragraph separators. */
  private static boolean isSeparator(int c) {
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** {@code \p{Cc}, \p{Cf}, \p{Co}, \p{Cn}}; called only for characters that are not ASCII spaces. */
  private static boolean isRemoved(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED;
  }
}
