package org.skillshelf.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads the metadata a page declares in its head and markup, after JSON-LD: OpenGraph, Twitter
 * cards, Highwire {@code citation_*} and Dublin Core meta tags, microdata, plain meta tags, licence
 * and canonical links, and the document language.
 */
final class MetaTags {

  private final Document page;

  private MetaTags(Document page) {
    this.page = page;
  }

  static void readInto(Document page, MetadataDraft draft) {
    MetaTags tags = new MetaTags(page);
    tags.links(draft);
    tags.openGraph(draft);
    tags.twitter(draft);
    tags.scholarly(draft);
    tags.microdata(draft);
    tags.plain(draft);
  }

  private void links(MetadataDraft draft) {
    for (Element link : page.select("a[rel~=(?i)\\blicen[cs]e\\b], link[rel~=(?i)\\blicen[cs]e\\b]")) {
      draft.offerLicence(link.attr("href"));
    }
    draft.offerCanonicalUrl(page.select("link[rel=canonical]").attr("abs:href"));
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
    draft.offerTitle(first("citation_title", "dc.title", "dcterms.title", "dc:title",
        "dcterms:title", "dcterm:title"));
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
    Element scope = page.selectFirst("[itemscope][itemtype~=(?i)(Article|BlogPosting|Course"
        + "|VideoObject|Book|HowTo|LearningResource|CreativeWork)$]");
    Element root = scope != null ? scope : page;
    draft.offerTitle(itemprop(root, "headline"));
    if (scope != null) {
      draft.offerTitle(itemprop(root, "name"));
    }
    List<String> authors = new ArrayList<>();
    for (Element author : page.select("[itemprop=author]")) {
      Element name = author.selectFirst("[itemprop=name]");
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
    draft.offerDeclaredLanguage(page.select("html[lang]").attr("lang"));
    draft.offerDeclaredLanguage(page.select("html[xml:lang]").attr("xml:lang"));
    draft.offerDeclaredLanguage(first("language", "content-language"));
    draft.offerDeclaredLanguage(meta("og:locale"));
    for (Element paywalled : page.select("[class~=(?i)(^|[-_ ])paywall(ed)?($|[-_ ])]")) {
      if (!paywalled.text().isBlank()) {
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
    List<String> values = new ArrayList<>();
    for (Element meta : page.getElementsByTag("meta")) {
      if (names(meta.attr("property"), name) || names(meta.attr("name"), name)
          || name.equalsIgnoreCase(meta.attr("http-equiv"))) {
        String content = meta.attr("content");
        if (!content.isBlank()) {
          values.add(content);
        }
      }
    }
    return values;
  }

  /** RDFa lets one property attribute carry several names separated by spaces. */
  private static boolean names(String attribute, String name) {
    if (attribute.isEmpty()) {
      return false;
    }
    for (String one : attribute.strip().split("\\s+")) {
      if (one.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String itemprop(Element root, String name) {
    Element element = root.selectFirst("[itemprop=" + name + "]");
    return element == null ? null : value(element);
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
