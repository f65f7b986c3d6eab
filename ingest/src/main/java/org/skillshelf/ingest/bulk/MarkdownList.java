package org.skillshelf.ingest.bulk;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Markdown link list in the style of the "awesome" lists: list items ({@code -}, {@code *},
 * {@code +} or numbered) whose first link is the entry, as in {@code - [Title](https://...) -
 * description}, list items that start with a bare {@code https://...} address, and autolinks
 * {@code <https://...>} at the start of a line or list item. Text
 * after the link becomes the note. Links to a heading of the same document ({@code #...}) are
 * the table of contents and are skipped; fenced code blocks are skipped.
 */
final class MarkdownList {

  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+(.*)$");
  private static final Pattern AUTOLINK = Pattern.compile("^<(https?://[^>\\s]*)>(.*)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_URL = Pattern.compile("^(https?://\\S+)(.*)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NOTE_SEPARATOR = Pattern.compile("^[\\s\\-\u2013\u2014:,.]+");

  private MarkdownList() {}

  /** Whether a line looks like an entry of a Markdown link list, for format detection. */
  static boolean holdsLink(String line) {
    return entry(line) != null;
  }

  static void read(String body, BulkParseBuilder out) {
    List<String> lines = body.lines().toList();
    boolean inCode = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
        inCode = !inCode;
        continue;
      }
      MarkdownLink link = inCode ? null : entry(line);
      if (link != null && !link.url().startsWith("#")
          && !out.add(i + 1, link.url(), link.title(), link.note(), List.of())) {
        return;
      }
    }
  }

  private static @Nullable MarkdownLink entry(String line) {
    Matcher item = LIST_ITEM.matcher(line);
    String content = item.matches() ? item.group(1) : line.strip();
    Matcher autolink = AUTOLINK.matcher(content);
    if (autolink.matches()) {
      return new MarkdownLink(autolink.group(1), null, note(autolink.group(2)));
    }
    if (!item.matches()) {
      return null;
    }
    Matcher bare = BARE_URL.matcher(content);
    return bare.matches() ? new MarkdownLink(bare.group(1), null, note(bare.group(2))) : inlineLink(content);
  }

  /** The first {@code [text](target)} that is not an image, read with nested brackets. */
  private static @Nullable MarkdownLink inlineLink(String content) {
    int[] brackets = closers(content, '[', ']');
    int[] parentheses = closers(content, '(', ')');
    for (int open = 0; open < content.length(); open++) {
      int close = brackets[open];
      boolean image = open > 0 && content.charAt(open - 1) == '!';
      if (close < 0 || image || close + 1 >= content.length() || content.charAt(close + 1) != '(') {
        continue;
      }
      int end = parentheses[close + 1];
      String target = end < 0 ? "" : target(content.substring(close + 2, end));
      return target.isEmpty()
          ? null
          : new MarkdownLink(target, content.substring(open + 1, close),
              note(content.substring(end + 1)));
    }
    return null;
  }

  /** The destination of {@code (<url> "title")} or {@code (url "title")}. */
  private static String target(String inside) {
    String text = inside.strip();
    if (text.startsWith("<")) {
      int close = text.indexOf('>');
      return close < 0 ? text : text.substring(1, close).strip();
    }
    String[] words = text.split("\\s+", 2);
    return words[0];
  }

  /**
   * For each opening bracket, the index of the bracket closing it (-1 elsewhere), in one pass so
   * that a hostile line of many brackets costs linear time. A backslash escapes the next character.
   */
  private static int[] closers(String text, char opening, char closing) {
    int[] closer = new int[text.length()];
    Arrays.fill(closer, -1);
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == opening) {
        open.push(i);
      } else if (c == closing && !open.isEmpty()) {
        closer[open.pop()] = i;
      }
    }
    return closer;
  }

  private static @Nullable String note(String afterLink) {
    return BulkParseBuilder.presentOrNull(NOTE_SEPARATOR.matcher(afterLink).replaceFirst(""));
  }

  private record MarkdownLink(String url, @Nullable String title, @Nullable String note) {}
}
