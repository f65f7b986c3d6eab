package org.skillshelf.text.main;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text sizes of every element under a root, counted in one iterative pass: how many visible
 * characters, how many of them inside links, how many commas. Iterative because a hostile page may
 * nest elements ten thousand deep, and counting per element would be quadratic.
 */
final class TextCounts {

  /** The counts of one element and everything under it. */
  static final class Count {
    int chars;
    int linkChars;
    int commas;
    int paragraphs;

    double linkDensity() {
      return chars == 0 ? 0.0 : (double) linkChars / chars;
    }
  }

  private static final Count NONE = new Count();

  private final Map<Element, Count> counts = new IdentityHashMap<>();

  private TextCounts() {}

  static TextCounts measure(Element root) {
    TextCounts result = new TextCounts();
    NodeTraversor.traverse(result.new Counter(), root);
    return result;
  }

  Count of(Element element) {
    return counts.getOrDefault(element, NONE);
  }

  private final class Counter implements NodeVisitor {
    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element element) {
        counts.put(element, new Count());
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node.parent() instanceof Element parent)) {
        return;
      }
      Count into = counts.get(parent);
      if (into == null) {
        return;
      }
      if (node instanceof TextNode text) {
        String content = text.getWholeText();
        for (int i = 0; i < content.length(); i++) {
          char c = content.charAt(i);
          if (!Character.isWhitespace(c) && c != '\u00a0') {
            into.chars++;
          }
          if (c == ',' || c == '\uff0c' || c == '\u060c') {
            into.commas++;
          }
        }
      } else if (node instanceof Element element) {
        Count own = counts.get(element);
        if (own == null) {
          return;
        }
        into.chars += own.chars;
        into.commas += own.commas;
        into.linkChars += element.nameIs("a") ? own.chars : own.linkChars;
        into.paragraphs += own.paragraphs + (element.nameIs("p") ? 1 : 0);
      }
    }
  }
}
