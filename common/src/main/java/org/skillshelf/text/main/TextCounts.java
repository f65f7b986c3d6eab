package org.skillshelf.text.main;

import java.util.ArrayDeque;
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

  /**
   * Removes an element from the page and takes its counts off its ancestors', so that the counts
   * stay those of the page as it now is without counting it all again.
   */
  void remove(Element element) {
    Count gone = of(element);
    int chars = gone.chars;
    int commas = gone.commas;
    int paragraphs = gone.paragraphs + (element.nameIs("p") ? 1 : 0);
    int linkChars = element.nameIs("a") ? gone.chars : gone.linkChars;
    for (Element up = element.parent(); up != null; up = up.parent()) {
      Count count = counts.get(up);
      if (count == null) {
        break;
      }
      count.chars -= chars;
      count.commas -= commas;
      count.paragraphs -= paragraphs;
      count.linkChars -= linkChars;
      if (up.nameIs("a")) {
        linkChars = chars; // a link passes all its text up as link text
      }
    }
    element.remove();
  }

  /**
   * Counts each element's own text into its count, and adds a finished element's count to its
   * parent's: the counts of the open elements are kept on a stack, so no node needs a lookup.
   */
  private final class Counter implements NodeVisitor {
    private final ArrayDeque<Count> open = new ArrayDeque<>();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element element) {
        Count count = new Count();
        counts.put(element, count);
        open.push(count);
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof TextNode text) {
        Count into = open.peek();
        if (into != null) {
          addText(text.getWholeText(), into);
        }
      } else if (node instanceof Element element) {
        Count own = open.pop();
        Count into = open.peek();
        if (into == null) {
          return; // the root: its parent is not counted
        }
        into.chars += own.chars;
        into.commas += own.commas;
        into.linkChars += element.nameIs("a") ? own.chars : own.linkChars;
        into.paragraphs += own.paragraphs + (element.nameIs("p") ? 1 : 0);
      }
    }

    private static void addText(String content, Count into) {
      for (int i = 0; i < content.length(); i++) {
        char c = content.charAt(i);
        if (!Character.isWhitespace(c) && c != '\u00a0') {
          into.chars++;
        }
        if (c == ',' || c == '\uff0c' || c == '\u060c') {
          into.commas++;
        }
      }
    }
  }
}
