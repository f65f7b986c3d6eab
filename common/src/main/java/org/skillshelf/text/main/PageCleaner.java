package org.skillshelf.text.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes page furniture from a page body before the content area is chosen: scripts and media,
 * navigation, headers and footers, hidden elements, cookie banners, comment sections, share and
 * related-story blocks. An element that holds most of the page's text is never removed for its
 * class name alone, because sites put words like "tag-news" on the article itself.
 */
final class PageCleaner {

  private static final Set<String> ALWAYS_FURNITURE_WORDS =
      Set.of("comment", "comments", "disqus", "cookie", "consent", "newsletter");

  private static final double PROTECTED_SHARE = 0.4;

  private PageCleaner() {}

  /** Cleans the body in place; gives the text counts of what is left. */
  static TextCounts clean(Element body) {
    removeCommentsAndTagged(body);
    TextCounts counts = TextCounts.measure(body);
    removeNamed(body, counts);
    return counts;
  }

  /** Comments and furniture known by tag, role or hiding go in one walk: neither decides the other. */
  private static void removeCommentsAndTagged(Element body) {
    List<Node> doomed = new ArrayList<>();
    NodeTraversor.filter(
        (node, depth) -> {
          if (node instanceof Comment) {
            doomed.add(node);
          } else if (node instanceof Element element && element != body && isTaggedFurniture(element)) {
            doomed.add(element);
            return NodeFilter.FilterResult.SKIP_ENTIRELY;
          }
          return NodeFilter.FilterResult.CONTINUE;
        },
        body);
    doomed.forEach(Node::remove);
  }

  private static boolean isTaggedFurniture(Element element) {
    return BoilerplateSigns.DROPPED_TAGS.contains(element.normalName())
        || BoilerplateSigns.hasFurnitureRole(element)
        || BoilerplateSigns.isHidden(element);
  }

  private static void removeNamed(Element body, TextCounts counts) {
    int bodyChars = Math.max(1, counts.of(body).chars);
    List<Element> doomed = new ArrayList<>();
    NodeTraversor.filter(
        (node, depth) -> {
          if (!(node instanceof Element element) || element == body) {
            return NodeFilter.FilterResult.CONTINUE;
          }
          double share = (double) counts.of(element).chars / bodyChars;
          if (isNamedFurniture(element, share)) {
            doomed.add(element);
            return NodeFilter.FilterResult.SKIP_ENTIRELY;
          }
          return NodeFilter.FilterResult.CONTINUE;
        },
        body);
    doomed.forEach(counts::remove);
  }

  private static boolean isNamedFurniture(Element element, double shareOfPage) {
    String name = element.normalName();
    if (name.equals("article") || name.equals("main") || name.equals("html")) {
      return false;
    }
    if (name.equals("form") || name.equals("header")) {
      return shareOfPage < PROTECTED_SHARE;
    }
    List<String> names = BoilerplateSigns.names(element);
    if (names.isEmpty()) {
      return false;
    }
    if (BoilerplateSigns.namesAny(names, ALWAYS_FURNITURE_WORDS) && shareOfPage < 0.8) {
      return true;
    }
    return shareOfPage < PROTECTED_SHARE
        && (BoilerplateSigns.isStrongFurniture(names)
            || BoilerplateSigns.isWeakFurniture(names));
  }
}
