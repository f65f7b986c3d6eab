package org.skillshelf.text.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What marks an element as page furniture rather than content: its tag, its ARIA role, the words
 * in its class and id. Words are matched whole (split at spaces, hyphens, underscores and case
 * changes) so that "shadow" is not read as "ad".
 */
final class BoilerplateSigns {

  static final Set<String> DROPPED_TAGS = Set.of(
      "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
      "video", "audio", "map", "button", "input", "select", "textarea", "option", "label",
      "dialog", "link", "meta", "nav", "aside", "menu", "footer");

  static final Set<String> FURNITURE_ROLES = Set.of(
      "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
      "menu", "menubar", "toolbar", "tablist");

  /** Words that mark furniture even inside the content area. */
  private static final Set<String> STRONG = Set.of(
      "comment", "comments", "disqus", "respond", "replies", "share", "sharing", "sharebar",
      "social", "socials", "related", "recommended", "recommendations", "newsletter",
      "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "sponsor",
      "sponsored", "advert", "advertisement", "advertising", "ad", "ads", "adslot", "dfp",
      "outbrain", "taboola", "breadcrumb", "breadcrumbs", "popup", "modal", "overlay", "promo",
      "promotion", "skip", "print", "jump", "trending", "popular", "mostread", "byline",
      "author", "authors", "bio", "meta", "dateline", "timestamp", "tags", "tag", "topics",
      "keywords", "pagination", "pager", "prevnext", "toolbar", "hidden", "hide", "offscreen",
      "sr", "visually", "screenreader", "login", "paywall", "donate", "follow", "widget",
      "widgets");

  /** Words that mark furniture unless the element also looks like content. */
  private static final Set<String> WEAK = Set.of(
      "sidebar", "side", "rail", "footer", "foot", "menu", "nav", "navbar", "navigation",
      "banner", "masthead", "header", "topbar", "aside", "extra", "more", "links", "sitemap",
      "legal", "copyright", "community", "shoutbox", "contact", "utility", "teaser", "card",
      "cards", "list", "feed");

  private static final Set<String> CONTENT = Set.of(
      "article", "articlebody", "body", "content", "entry", "main", "post", "text", "story",
      "blog", "prose", "markdown", "column", "page", "single", "hentry");

  private BoilerplateSigns() {}

  static boolean hasFurnitureRole(Element element) {
    String role = element.attr("role").toLowerCase(Locale.ROOT).strip();
    return FURNITURE_ROLES.contains(role);
  }

  static boolean isHidden(Element element) {
    if (element.hasAttr("hidden") || "true".equals(element.attr("aria-hidden"))) {
      return true;
    }
    String style = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    return style.contains("display:none") || style.contains("visibility:hidden");
  }

  /** +25 for content words, -25 for furniture words, as the class and id say. */
  static int classWeight(Element element) {
    int weight = 0;
    for (String attribute : new String[] {element.className(), element.id()}) {
      if (attribute.isEmpty()) {
        continue;
      }
      boolean furniture = false;
      boolean content = false;
      for (String w : words(attribute)) {
        furniture |= STRONG.contains(w) || WEAK.contains(w);
        content |= CONTENT.contains(w);
      }
      weight += (content ? 25 : 0) - (furniture ? 25 : 0);
    }
    return weight;
  }

  private static final Set<String> ARTICLE_MARKS = Set.of("articlebody", "hentry");

  /** True when class or id name furniture strongly enough to drop the element outright. */
  static boolean isStrongFurniture(Element element) {
    return isStrongFurniture(names(element));
  }

  /** As {@link #isStrongFurniture(Element)}, for the element's {@link #names}. */
  static boolean isStrongFurniture(List<String> names) {
    return namesAny(names, STRONG) && !namesAny(names, ARTICLE_MARKS);
  }

  /** True when class or id name furniture and nothing in them names content. */
  static boolean isWeakFurniture(Element element) {
    return isWeakFurniture(names(element));
  }

  /** As {@link #isWeakFurniture(Element)}, for the element's {@link #names}. */
  static boolean isWeakFurniture(List<String> names) {
    return namesAny(names, WEAK) && !namesAny(names, CONTENT);
  }

  static boolean namesAny(List<String> names, Set<String> words) {
    for (String name : names) {
      if (words.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words of the element's class, then of its id: split once per element and asked several
   * questions, rather than split again for each.
   */
  static List<String> names(Element element) {
    String className = element.className();
    String id = element.id();
    if (id.isEmpty()) {
      return words(className);
    }
    if (className.isEmpty()) {
      return words(id);
    }
    List<String> names = new ArrayList<>(words(className));
    names.addAll(words(id));
    return names;
  }

  /**
   * The words of a class or id in lower case, split at spaces, underscores, hyphens, colons, dots
   * and lower-to-upper case changes ("mainNav-links" gives main, nav, links). A hand-written loop
   * rather than a pattern, because it runs several times on every element of every page.
   */
  static List<String> words(String attribute) {
    if (attribute.isEmpty()) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < attribute.length(); i++) {
      char c = attribute.charAt(i);
      if (isBreak(c)) {
        addWord(attribute, start, i, words);
        start = i + 1;
      } else if (i > start && c >= 'A' && c <= 'Z' && isAsciiLower(attribute.charAt(i - 1))) {
        addWord(attribute, start, i, words);
        start = i;
      }
    }
    addWord(attribute, start, attribute.length(), words);
    return words;
  }

  private static boolean isBreak(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
        || c == '_' || c == '-' || c == ':' || c == '.';
  }

  private static boolean isAsciiLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static void addWord(String attribute, int start, int end, List<String> words) {
    if (end > start) {
      words.add(attribute.substring(start, end).toLowerCase(Locale.ROOT));
    }
  }
}
