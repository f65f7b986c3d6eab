package org.skillshelf.enrich.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads the metadata a page declares in its head and markup, after JSON-LD: OpenGraph, Twitter
 * cards, Highwire {@code citation_*} and Dublin Core meta tags, microdata, plain meta tags, licence
 * and canonical links, and the document language.
 */
final class MetaTags {

  private static final Pattern LICENCE_REL = Pattern.compile("(?i)\\blicen[cs]e\\b");
  private static final Pattern WORK_TYPE = Pattern.compile("(?i)(Article|BlogPosting|Course"
      + "|VideoObject|Book|HowTo|LearningResource|CreativeWork)$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern PAYWALL = Pattern.compile("(^|[-_ ])paywall(ed)?($|[-_ ])");

  /** Parsed once: a query string given to selectFirst would be parsed again on every call. */
  private static final Evaluator ITEMPROP_NAME = QueryParser.parse("[itemprop=name]");

  private final PageElements elements;
  private final Document page;
  /** Meta contents by lower-cased name, in page order: read once, because a page may hold hundreds. */
  private final Map<String, List<String>> contents;

  private MetaTags(PageElements elements) {
    this.elements = elements;
    this.page = elements.page();
    this.contents = index(elements);
  }

  /**
   * Property-declared (RDFa) values come before name-declared ones: a page that declares a name
   * both ways mostly means the property one, which is the form OpenGraph and RDFa define.
   */
  private static Map<String, List<String>> index(PageElements elements) {
    List<Element> metas = PageElements.matching(elements.named("meta"),
        element -> !element.attr("content").isBlank());
    Map<String, List<String>> contents = new HashMap<>();
    for (String attribute : new String[] {"property", "name"}) {
      for (Element meta : metas) {
        Set<String> names = new LinkedHashSet<>();
        addNames(meta.attr(attribute), names);
        names.forEach(name -> contents.computeIfAbsent(name, key -> new ArrayList<>()).add(meta.attr("content")));
      }
    }
    for (Element meta : metas) {
      if (!meta.attr("http-equiv").isBlank()) {
        contents.computeIfAbsent(key(meta.attr("http-equiv").strip()), key -> new ArrayList<>())
            .add(meta.attr("content"));
      }
    }
    return contents;
  }

  /** Lower case, and Dublin Core's "DC.title" spelling read as its RDFa twin "dc:title". */
  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String prefix : new String[] {"dc.", "dcterms.", "dcterm."}) {
      if (lower.startsWith(prefix)) {
        return prefix.substring(0, prefix.length() - 1) + ":" + lower.substring(prefix.length());
      }
    }
    return lower;
  }

  /** RDFa lets one property attribute carry several names separated by spaces. */
  private static void addNames(String attribute, Set<String> names) {
    if (attribute.isBlank()) {
      return;
    }
    for (String one : WHITESPACE.split(attribute.strip())) {
      names.add(key(one));
    }
  }

  static void readInto(PageElements elements, MetadataDraft draft) {
    MetaTags tags = new MetaTags(elements);
    tags.links(draft);
    // A Dublin Core or Highwire title names the work itself; og:title is often written for
    // sharing and may carry the site's name or a different teaser headline.
    draft.offerTitle(tags.first("citation_title", "dc.title", "dcterms.title", "dcterm.title"));
    tags.openGraph(draft);
    tags.twitter(draft);
    tags.scholarly(draft);
    tags.microdata(draft);
    tags.plain(draft);
  }

  private void links(MetadataDraft draft) {
    for (Element link : PageElements.matching(elements.withAttribute("rel"),
        element -> (element.nameIs("a") || element.nameIs("link"))
        && PageElements.attributeContains(element, "rel", "licen") && LICENCE_REL.matcher(element.attr("rel")).find())) {
      draft.offerLicence(link.attr("href"));
    }
    var canonical = PageElements.attributeIs("rel", "canonical");
    Element link = PageElements.first(elements.withAttribute("rel"), element -> element.nameIs("link") && canonical.test(element)
        && element.hasAttr("abs:href"));
    draft.offerCanonicalUrl(link == null ? "" : link.attr("abs:href"));
  }

  private void openGraph(MetadataDraft draft) {
    draft.offerTitle(meta("og:title"));
    draft.offerDescription(meta("og:description"));
    draft.offerSiteName(meta("og:site_name"));
    draft.offerImage(meta("og:image"));
    draft.offerImage(meta("og:image:url"));
    draft.offerCanonicalUrl(meta("og:url"));
    draft.offerAuthors(all("article:author"));
    draft.offerPublished(meta("article:published_time"));
    draft.offerModified(meta("article:modified_time"));
    draft.offerModified(meta("og:updated_time"));
    draft.offerType(ResourceTypes.fromOpenGraph(meta("og:type")));
    String duration = first("og:video:duration", "video:duration");
    if (duration != null && duration.strip().matches("\\d{1,9}")) {
      draft.offerReadingTime((Integer.parseInt(duration.strip()) + 59) / 60);
    }
    String tier = meta("article:content_tier");
    if (tier != null) {
      draft.offerFreeToAccess(tier.equalsIgnoreCase("free"));
    }
  }

  private void twitter(MetadataDraft draft) {
    draft.offerTitle(meta("twitter:title"));
    draft.offerDescription(meta("twitter:description"));
    draft.offerImage(meta("twitter:image"));
    draft.offerTitle(meta("parsely-title"));
    draft.offerAuthors(all("parsely-author"));
    draft.offerPublished(meta("parsely-pub-date"));
  }

  private void scholarly(MetadataDraft draft) {
    draft.offerAuthors(all("citation_author"));
    for (String creator : new String[] {"dc.creator", "dcterms.creator", "dc:creator",
        "dcterms:creator", "dcterm:creator"}) {
      draft.offerAuthors(all(creator));
    }
    draft.offerPublished(first("citation_publication_date", "citation_online_date",
        "citation_date", "dcterms.created", "dcterms.issued", "dc.date", "dcterms.date",
        "dc:date", "dcterms:created", "dcterms:issued"));
    draft.offerModified(first("dcterms.modified"));
    draft.offerDescription(first("dc.description", "dcterms.description", "dcterms.abstract",
        "dc:description", "dcterms:description"));
    draft.offerDeclaredLanguage(first("citation_language", "dc.language", "dcterms.language"));
    draft.offerLicence(first("dc.rights", "dcterms.license", "dcterms.rights", "license"));
    draft.offerSiteName(first("citation_journal_title", "dc.publisher"));
  }

  private void microdata(MetadataDraft draft) {
    Element scope = PageElements.first(elements.withAttribute("itemscope"),
        element -> WORK_TYPE.matcher(element.attr("itemtype")).find());
    Element root = scope != null ? scope : page;
    draft.offerTitle(itemprop(root, "headline"));
    if (scope != null) {
      draft.offerTitle(itemprop(root, "name"));
    }
    List<String> authors = new ArrayList<>();
    for (Element author : PageElements.matching(elements.withAttribute("itemprop"), PageElements.attributeIs("itemprop", "author"))) {
      Element name = author.selectFirst(ITEMPROP_NAME);
      authors.add(name != null ? value(name) : value(author));
    }
    draft.offerAuthors(authors);
    draft.offerPublished(itemprop(page, "datePublished"));
    draft.offerModified(itemprop(page, "dateModified"));
    draft.offerDeclaredLanguage(itemprop(page, "inLanguage"));
    draft.offerDescription(itemprop(root, "description"));
  }

  private void plain(MetadataDraft draft) {
    draft.offerDescription(meta("description"));
    draft.offerAuthors(all("author"));
    draft.offerPublished(first("date", "pubdate", "publish-date", "article.published"));
    draft.offerDeclaredLanguage(htmlAttribute("lang"));
    draft.offerDeclaredLanguage(htmlAttribute("xml:lang"));
    draft.offerDeclaredLanguage(first("language", "content-language"));
    draft.offerDeclaredLanguage(meta("og:locale"));
    for (PageElements.Classed classed : elements.withRelOrClass()) {
      String names = classed.lowerClass();
      if (names.contains("paywall") && PAYWALL.matcher(names).find() && !classed.element().text().isBlank()) {
        draft.offerFreeToAccess(false);
      }
    }
  }

  private @Nullable String first(String... names) {
    for (String name : names) {
      String value = meta(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The content of a meta tag named by name, property or http-equiv, ignoring case. */
  private @Nullable String meta(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? null : values.getFirst();
  }

  private List<String> all(String name) {
    return contents.getOrDefault(key(name), List.of());
  }

  private String htmlAttribute(String key) {
    Element html = PageElements.first(elements.named("html"), element -> element.hasAttr(key));
    return html == null ? "" : html.attr(key);
  }

  /** The first element under root, or root itself, with the itemprop. */
  private @Nullable String itemprop(Element root, String name) {
    Element element = PageElements.first(elements.withAttribute("itemprop"), PageElements.attributeIs("itemprop", name)
        .and(candidate -> root == page || isWithin(candidate, root)));
    return element == null ? null : value(element);
  }

  private static boolean isWithin(Element element, Element root) {
    for (Element at = element; at != null; at = at.parent()) {
      if (at == root) {
        return true;
      }
    }
    return false;
  }

  private static String value(Element element) {
    for (String attribute : new String[] {"content", "datetime", "value"}) {
      if (element.hasAttr(attribute)) {
        return element.attr(attribute);
      }
    }
    return element.text();
  }
}
