package org.skillshelf.text.main;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Chooses the elements that hold a page's main text, after {@link PageCleaner} has run. Every
 * paragraph-like block votes for its ancestors with a score that grows with its length and its
 * commas; a container's score is discounted by its share of link text; the best container wins,
 * together with siblings that score nearly as well. A marked-up article body is taken as is.
 */
final class ContentArea {

  private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "dd");
  private static final Set<String> BLOCKS = Set.of(
      "address", "article", "blockquote", "dl", "div", "fieldset", "figure", "footer", "form",
      "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
      "section", "table", "ul", "tr", "td", "th", "tbody", "thead", "dd", "dt", "aside");
  /** Parsed once: a query string given to select would be parsed again for every page. */
  private static final Evaluator ARTICLE_BODY = QueryParser.parse("[itemprop=articleBody], [itemprop=text]");
  private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");
  private static final int MIN_PARAGRAPH_CHARS = 25;
  private static final int ANCESTOR_LEVELS = 5;

  private final TextCounts counts;
  private final Map<Element, Double> scores = new IdentityHashMap<>();

  private ContentArea(TextCounts counts) {
    this.counts = counts;
  }

  /** The elements whose text is the main text, in page order, given the body's text counts. */
  static List<Element> of(Element body, TextCounts counts) {
    Element marked = markedArticleBody(body, counts);
    if (marked != null) {
      return List.of(marked);
    }
    return new ContentArea(counts).choose(body);
  }

  private static Element markedArticleBody(Element body, TextCounts counts) {
    Element best = null;
    for (Element candidate : body.select(ARTICLE_BODY)) {
      if (best == null || counts.of(candidate).chars > counts.of(best).chars) {
        best = candidate;
      }
    }
    int bodyChars = counts.of(body).chars;
    return best != null && counts.of(best).chars >= Math.min(250, bodyChars / 2) ? best : null;
  }

  private List<Element> choose(Element body) {
    for (Element element : body.getAllElements()) {
      if (isParagraphLike(element)) {
        vote(element);
      }
    }
    Element top = body;
    double topScore = 0;
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      double score = finalScore(entry.getKey());
      if (score > topScore) {
        top = entry.getKey();
        topScore = score;
      }
    }
    top = widen(top, topScore);
    return withSiblings(top, finalScore(top));
  }

  private boolean isParagraphLike(Element element) {
    String name = element.normalName();
    if (PARAGRAPHS.contains(name)) {
      return true;
    }
    if (!name.equals("div") && !name.equals("section") && !name.equals("span")) {
      return false;
    }
    for (Element child : element.children()) {
      if (BLOCKS.contains(child.normalName())) {
        return false;
      }
    }
    return !element.ownText().isBlank();
  }

  private void vote(Element paragraph) {
    TextCounts.Count count = counts.of(paragraph);
    if (count.chars < MIN_PARAGRAPH_CHARS) {
      return;
    }
    double score = 1 + count.commas + Math.min(count.chars / 100, 3);
    Element ancestor = paragraph.parent();
    for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null; level++) {
      if (ancestor.nameIs("html")) {
        break;
      }
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      // The initial score (class and id words) only for an ancestor's first vote, not every vote.
      Double old = scores.get(ancestor);
      scores.put(ancestor, old == null ? initialScore(ancestor) + score / divider : old + score / divider);
      ancestor = ancestor.parent();
    }
  }

  private static double initialScore(Element element) {
    double base = switch (element.normalName()) {
      case "article" -> 10;
      case "div", "main" -> 5;
      case "pre", "td", "blockquote", "section" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return base + BoilerplateSigns.classWeight(element);
  }

  private double finalScore(Element element) {
    Double score = scores.get(element);
    return score == null ? 0 : score * (1 - counts.of(element).linkDensity());
  }

  /** Moves up when several near-best containers share an ancestor: the text is split across them. */
  private Element widen(Element top, double topScore) {
    Map<Element, Integer> shared = new IdentityHashMap<>();
    for (Element candidate : scores.keySet()) {
      if (candidate != top && finalScore(candidate) >= topScore * 0.75) {
        for (Element up = candidate; up != null; up = up.parent()) {
          shared.merge(up, 1, Integer::sum);
        }
      }
    }
    for (Element up = top.parent(); up != null; up = up.parent()) {
      if (up.nameIs("body") || up.nameIs("html")) {
        break;
      }
      if (shared.getOrDefault(up, 0) >= 3) {
        return up;
      }
    }
    return top;
  }

  private List<Element> withSiblings(Element top, double topScore) {
    Element parent = top.parent();
    if (parent == null || top.nameIs("body")) {
      return List.of(top);
    }
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> chosen = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top || belongs(sibling, top, threshold)) {
        chosen.add(sibling);
      }
    }
    return chosen;
  }

  private boolean belongs(Element sibling, Element top, double threshold) {
    double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
        ? finalScore(top) * 0.2 : 0;
    if (finalScore(sibling) + bonus >= threshold) {
      return true;
    }
    if (!sibling.nameIs("p")) {
      return false;
    }
    TextCounts.Count count = counts.of(sibling);
    String text = sibling.text();
    return count.chars > 80 && count.linkDensity() < 0.25
        || count.chars > 0 && count.linkDensity() == 0 && SENTENCE_END.matcher(text).find();
  }
}
