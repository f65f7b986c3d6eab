package org.skillshelf.text.main;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.skillshelf.text.Truncation;

/**
 * Writes chosen content elements as plain text: one paragraph per block (paragraph, heading, list
 * item, quotation, preformatted block), paragraphs separated by blank lines. Blocks inside the
 * content that are mostly links (tag lists, "read more" lists) or name furniture are left out.
 */
final class TextRenderer {

  private static final Set<String> BREAKS = Set.of(
      "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
      "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
      "section", "table", "tr", "ul", "td", "th", "caption", "summary", "details");
  private static final Set<String> CHECKED = Set.of(
      "div", "section", "ul", "ol", "table", "dl", "figure", "header", "p", "span");

  private final StringBuilder out = new StringBuilder();
  private final StringBuilder paragraph = new StringBuilder();
  private final TextCounts counts;
  private final int maxChars;

  private TextRenderer(TextCounts counts, int maxChars) {
    this.counts = counts;
    this.maxChars = maxChars;
  }

  /** The text of the content elements; {@code counts} must cover them (as the body's counts do). */
  static String render(List<Element> content, TextCounts counts, int maxChars) {
    TextRenderer renderer = new TextRenderer(counts, maxChars);
    for (Element element : content) {
      if (renderer.out.length() >= maxChars) {
        break;
      }
      NodeTraversor.filter(renderer.new Writer(), element);
      renderer.flush();
    }
    return Truncation.atWord(renderer.out.toString().strip(), maxChars);
  }

  private void flush() {
    if (paragraph.isEmpty()) {
      return;
    }
    String text = collapseSpaces(paragraph).strip();
    paragraph.setLength(0);
    if (!text.isEmpty()) {
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append(text);
    }
  }

  /**
   * Each run of ASCII whitespace and no-break spaces as one space. A loop rather than a pattern,
   * because it runs on every paragraph of every page.
   */
  static String collapseSpaces(CharSequence text) {
    StringBuilder collapsed = new StringBuilder(text.length());
    boolean inSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          collapsed.append(' ');
        }
        inSpace = true;
      } else {
        collapsed.append(c);
        inSpace = false;
      }
    }
    return collapsed.toString();
  }

  /** ASCII whitespace (what {@code \s} matches) or a no-break space. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0';
  }

  private boolean isLeftOut(Element element) {
    if (element.nameIs("h1")) {
      return true;
    }
    if (!CHECKED.contains(element.normalName())) {
      return false;
    }
    TextCounts.Count count = counts.of(element);
    if (count.chars == 0) {
      return false;
    }
    double links = count.linkDensity();
    return links > 0.5 && count.chars < 2000 || BoilerplateSigns.classWeight(element) < 0 && count.commas < 10;
  }

  private final class Writer implements NodeFilter {
    @Override
    public FilterResult head(Node node, int depth) {
      if (out.length() >= maxChars) {
        return FilterResult.STOP;
      }
      if (node instanceof TextNode text) {
        paragraph.append(text.getWholeText());
      } else if (node instanceof Element element) {
        if (depth > 0 && isLeftOut(element)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (BREAKS.contains(element.normalName())) {
          flush();
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element element && BREAKS.contains(element.normalName())) {
        flush();
      }
      return FilterResult.CONTINUE;
    }
  }
}
