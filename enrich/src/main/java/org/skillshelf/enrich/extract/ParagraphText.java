package org.skillshelf.enrich.extract;

import java.util.regex.Pattern;
import org.skillshelf.text.Truncation;

/**
 * Tidies text from a document parser into the same shape as HTML main text: control characters
 * removed, spaces collapsed within lines, paragraphs separated by one blank line.
 */
final class ParagraphText {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}]");
  private static final Pattern SPACES = Pattern.compile("[\\t \\u00a0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n\\s*");

  private ParagraphText() {}

  static String of(String raw, int maxChars) {
    String text = CONTROL.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    text = SPACES.matcher(text).replaceAll(" ");
    text = text.lines().map(String::strip).reduce(new StringBuilder(),
        (out, line) -> out.append(line).append('\n'), StringBuilder::append).toString();
    text = BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    return Truncation.atWord(text, maxChars);
  }
}
