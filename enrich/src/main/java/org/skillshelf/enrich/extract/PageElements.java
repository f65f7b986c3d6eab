package org.skillshelf.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Every element of a page, listed once in page order, so that the many questions metadata asks
 * ("the first element with itemprop=author", "links with rel=license") are answered from a list
 * instead of a new walk of the tree each, and without regular-expression selectors.
 */
final class PageElements {

  private final Document page;
  private final List<Element> all;

  PageElements(Document page) {
    this.page = page;
    this.all = page.getAllElements();
  }

  Document page() {
    return page;
  }

  List<Element> matching(Predicate<Element> test) {
    List<Element> found = new ArrayList<>();
    for (Element element : all) {
      if (test.test(element)) {
        found.add(element);
      }
    }
    return found;
  }

  @Nullable Element first(Predicate<Element> test) {
    for (Element element : all) {
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

  /** True when the attribute holds the word among its space-separated words, ignoring case. */
  static boolean hasWord(Element element, String key, String word) {
    String value = element.attr(key);
    if (value.isEmpty()) {
      return false;
    }
    for (String one : value.strip().split("\\s+")) {
      if (one.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  /** The class attribute in lower case, for cheap substring tests before any pattern. */
  static String lowerClass(Element element) {
    return element.className().toLowerCase(Locale.ROOT);
  }
}
