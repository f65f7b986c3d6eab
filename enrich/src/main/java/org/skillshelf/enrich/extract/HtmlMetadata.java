package org.skillshelf.enrich.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Gathers an HTML page's metadata from its sources in a fixed order of trust: JSON-LD, then
 * OpenGraph, Twitter cards, Highwire and Dublin Core, microdata and plain meta tags, then the
 * title element without the site's name, then the first h1 and the byline.
 */
final class HtmlMetadata {

  private static final Pattern BY = Pattern.compile("^(?i)(by|von|par|por|di|door)\\s+");

  private HtmlMetadata() {}

  /** A draft for the page: language, reading time and (when unknown) type are left to the caller. */
  static MetadataDraft read(Document page, URI pageUri) {
    MetadataDraft draft = new MetadataDraft();
    List<String> schemaTypes = JsonLd.readInto(page, draft);
    String platform = ResourceTypes.fromPlatform(pageUri);
    draft.offerType(platform);
    draft.offerType(ResourceTypes.fromSchemaTypes(schemaTypes));
    MetaTags.readInto(page, draft);
    draft.offerTitle(page.title());
    Element h1 = page.selectFirst("h1");
    draft.offerTitle(h1 == null ? null : h1.text());
    draft.title = PageTitle.withoutSiteName(draft.title, draft.siteName, pageUri);
    draft.offerAuthors(bylines(page));
    draft.offerType(ResourceTypes.fromStructure(pageUri, draft.title,
        page.selectFirst("article") != null));
    return draft;
  }

  private static List<String> bylines(Document page) {
    List<String> names = new ArrayList<>();
    for (Element element : page.select("[rel=author], .byline, .author, [class~=(?i)byline]")) {
      String text = element.text().strip();
      if (!text.isEmpty() && text.length() < 100) {
        names.add(BY.matcher(text).replaceFirst(""));
        return names;
      }
    }
    return names;
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
