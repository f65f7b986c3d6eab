package org.skillshelf.text.main;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0]+");

  private final StringBuilder out = new StringBuilder();
  private final StringBuilder paragraph = new StringBuilder();
  private final TextCounts counts;
  private final int maxChars;

  private TextRenderer(TextCounts counts, int maxChars) {
    this.counts = counts;
    this.maxChars = maxChars;
  }

  static String render(List<Element> content, int maxChars) {
    Element root = content.getFirst().parent() != null ? content.getFirst().parent() : content.getFirst();
    TextRenderer renderer = new TextRenderer(TextCounts.measure(root), maxChars);
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
    String text = SPACE.matcher(paragraph).replaceAll(" ").strip();
    paragraph.setLength(0);
    if (!text.isEmpty()) {
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append(text);
    }
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
