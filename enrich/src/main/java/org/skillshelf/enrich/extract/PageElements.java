package org.skillshelf.enrich.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * A page's elements, gathered in one walk of the tree and filed by tag name and by the few
 * attributes metadata asks about (itemprop, itemscope, rel, class), each list in page order. The
 * many questions metadata asks ("the first element with itemprop=author", "links with
 * rel=license") are then answered from a short list instead of a walk over every element each.
 */
final class PageElements {

  /** The attributes elements are filed by; asking for any other is a programming error. */
  private static final List<String> FILED_ATTRIBUTES = List.of("itemprop", "itemscope", "rel", "class");

  private final Document page;
  private final Map<String, List<Element>> byTag = new HashMap<>();
  private final Map<String, List<Element>> byAttribute = new HashMap<>();
  /** Elements with a rel or class attribute, with their class in lower case: bylines, paywalls. */
  private final List<Classed> withRelOrClass = new ArrayList<>();

  /** An element with its class attribute in lower case (empty when it has none), made once. */
  record Classed(Element element, String lowerClass) {}

  PageElements(Document page) {
    this.page = page;
    for (String attribute : FILED_ATTRIBUTES) {
      byAttribute.put(attribute, new ArrayList<>());
    }
    // A visitor rather than getAllElements(), which builds its list through a stream.
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof Element element) {
        byTag.computeIfAbsent(element.normalName(), tag -> new ArrayList<>()).add(element);
        if (element.attributesSize() > 0) {
          file(element);
        }
      }
    }, page);
  }

  private void file(Element element) {
    boolean relOrClass = false;
    for (String attribute : FILED_ATTRIBUTES) {
      if (element.hasAttr(attribute)) {
        byAttribute.get(attribute).add(element);
        relOrClass |= attribute.equals("rel") || attribute.equals("class");
      }
    }
    if (relOrClass) {
      withRelOrClass.add(new Classed(element, lowerClass(element)));
    }
  }

  Document page() {
    return page;
  }

  /** The elements with this (lower-case) tag name, in page order. */
  List<Element> named(String tag) {
    return byTag.getOrDefault(tag, List.of());
  }

  /** The first element with this tag name, if any. */
  @Nullable Element firstNamed(String tag) {
    List<Element> found = named(tag);
    return found.isEmpty() ? null : found.getFirst();
  }

  /** The elements carrying the attribute (one of itemprop, itemscope, rel, class), in page order. */
  List<Element> withAttribute(String key) {
    List<Element> found = byAttribute.get(key);
    if (found == null) {
      throw new IllegalArgumentException("elements are not filed by the attribute " + key);
    }
    return found;
  }

  /** The elements carrying a rel or a class attribute, in page order. */
  List<Classed> withRelOrClass() {
    return withRelOrClass;
  }

  static List<Element> matching(List<Element> elements, Predicate<Element> test) {
    List<Element> found = new ArrayList<>();
    for (Element element : elements) {
      if (test.test(element)) {
        found.add(element);
      }
    }
    return found;
  }

  static @Nullable Element first(List<Element> elements, Predicate<Element> test) {
    for (Element element : elements) {
      if (test.test(element)) {
        return element;
      }
    }
    return null;
  }

  /** As the selector {@code [key=value]}: the attribute, trimmed, equals the value ignoring case. */
  static Predicate<Element> attributeIs(String key, String value) {
    return element -> element.hasAttr(key) && element.attr(key).strip().equalsIgnoreCase(value);
  }

  /** The class attribute in lower case, for substring tests and patterns. */
  static String lowerClass(Element element) {
    return element.className().toLowerCase(Locale.ROOT);
  }

  /**
   * True when the attribute holds the ASCII word, ignoring ASCII case, as a substring: a cheap
   * test that must pass before a case-insensitive pattern on the same word can match.
   */
  static boolean attributeContains(Element element, String key, String word) {
    String value = element.attr(key);
    int last = value.length() - word.length();
    for (int start = 0; start <= last; start++) {
      if (asciiMatchAt(value, start, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean asciiMatchAt(String text, int start, String word) {
    for (int k = 0; k < word.length(); k++) {
      char c = text.charAt(start + k);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
