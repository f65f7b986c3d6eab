package org.skillshelf.linkcheck.check;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.skillshelf.text.SimHash;

/**
 * What the classifiers look at in a fetched page: its title, first heading and readable text (the
 * {@code <main>} or {@code <article>} element when there is one, else the body without navigation,
 * so that the text resembles the main text enrich fingerprinted at approval), and the raw markup for
 * markers that live in scripts and links (parking services).
 *
 * <pre>{@code
 * CheckedPage page = CheckedPage.parse("<title>Not found</title>");
 * }</pre>
 */
public record CheckedPage(String title, String heading, String text, String markup) {

  /** Parses HTML leniently; anything, even an empty string, gives a page. */
  public static CheckedPage parse(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, noscript, template").remove();
    Element h1 = doc.selectFirst("h1");
    Element main = doc.selectFirst("main, article, [role=main]");
    String text;
    if (main != null) {
      text = main.text();
    } else {
      doc.select("nav, header, footer, aside").remove();
      text = doc.body() == null ? "" : doc.body().text();
    }
    return new CheckedPage(doc.title().strip(), h1 == null ? "" : h1.text().strip(), text.strip(), html);
  }

  /** The 64-bit SimHash of the readable text, the same measure as the catalogue's fingerprint. */
  public long fingerprint() {
    return text.isBlank() ? 0L : SimHash.of(text);
  }

  String lowerTitleAndHeading() {
    return (title + " \n " + heading).toLowerCase(Locale.ROOT);
  }

  String lowerText() {
    return text.toLowerCase(Locale.ROOT);
  }
}
