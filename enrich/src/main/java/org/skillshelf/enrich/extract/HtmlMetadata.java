package org.skillshelf.enrich.extract;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Gathers an HTML page's metadata from its sources in a fixed order of trust: JSON-LD, then
 * OpenGraph, Twitter cards, Highwire and Dublin Core, microdata and plain meta tags, then the
 * title element without the site's name, then the first h1 and the byline.
 */
final class HtmlMetadata {

  private static final Pattern BYLINE_END = Pattern.compile("\\s+[-|•·–—]\\s+|\\s*\\n");
  private static final Pattern BY = Pattern.compile("^(?i)(by|von|par|por|di|door)\\s+");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  /** Parsed once: a query string given to selectFirst would be parsed again on every call. */
  private static final Evaluator BYLINE_NAME = QueryParser.parse("[rel=author], [itemprop=name], .name, .author");

  private HtmlMetadata() {}

  /** A draft for the page: language, reading time and (when unknown) type are left to the caller. */
  static MetadataDraft read(Document page, URI pageUri) {
    MetadataDraft draft = new MetadataDraft();
    PageElements elements = new PageElements(page);
    List<String> schemaTypes = JsonLd.readInto(elements, draft);
    String platform = ResourceTypes.fromPlatform(pageUri);
    draft.offerType(platform);
    draft.offerType(ResourceTypes.fromSchemaTypes(schemaTypes));
    MetaTags.readInto(elements, draft);
    Element h1 = elements.firstNamed("h1");
    String heading = h1 == null ? null : h1.text();
    draft.offerTitle(PageTitle.withoutSiteName(page.title(), draft.siteName, heading, pageUri));
    draft.offerTitle(heading);
    draft.offerAuthors(bylines(elements));
    draft.offerType(ResourceTypes.fromStructure(pageUri, draft.title,
        elements.firstNamed("article") != null));
    return draft;
  }

  /** A visible byline: a rel=author link, else an element whose class names a byline or author. */
  private static List<String> bylines(PageElements elements) {
    var relAuthor = PageElements.attributeIs("rel", "author");
    for (PageElements.Classed classed : elements.withRelOrClass()) {
      Element element = classed.element();
      if (!(relAuthor.test(element) || classed.lowerClass().contains("author") && element.hasClass("author")
          || classed.lowerClass().contains("byline"))) {
        continue;
      }
      Element named = element.selectFirst(BYLINE_NAME);
      String text = (named != null && named != element ? named : element).text();
      text = BY.matcher(BYLINE_END.split(text.strip(), 2)[0]).replaceFirst("").strip();
      if (!text.isEmpty() && text.length() < 100 && !DIGIT.matcher(text).find()) {
        return List.of(text);
      }
    }
    return List.of();
  }

  static @Nullable Integer readingMinutes(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words == 0 ? null : Math.max(1, (words + 229) / 230);
  }
}
