package org.skillshelf.linkcheck.check;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.skillshelf.text.main.MainText;

/**
 * What the classifiers look at in a fetched page: its title, first heading and main text (read by
 * the same {@link MainText} enrich fingerprinted at approval, so an unchanged page gives the
 * approved fingerprint exactly), and the raw markup for markers that live in scripts and links
 * (parking services).
 *
 * <pre>{@code
 * CheckedPage page = CheckedPage.parse("<title>Not found</title>");
 * }</pre>
 */
public record CheckedPage(String title, String heading, String text, String markup) {

  /** Parses HTML leniently; anything, even an empty string, gives a page. */
  public static CheckedPage parse(String html) {
    Document doc = MainText.parse(html, "");
    // title and heading first: extracting the main text removes furniture from the document
    String title = doc.title().strip();
    Element h1 = doc.getElementsByTag("h1").first();
    String heading = h1 == null ? "" : h1.text().strip();
    return new CheckedPage(title, heading, MainText.of(doc), html);
  }

  /** The main-text fingerprint, computed as enrich computed the catalogue's at approval. */
  public long fingerprint() {
    return MainText.fingerprint(text);
  }

  String lowerTitleAndHeading() {
    return (title + " \n " + heading).toLowerCase(Locale.ROOT);
  }

  String lowerText() {
    return text.toLowerCase(Locale.ROOT);
  }
}
