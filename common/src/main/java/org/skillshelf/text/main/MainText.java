package org.skillshelf.text.main;

import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.skillshelf.text.SimHash;

/**
 * The boilerplate-free text of an HTML page, and its fingerprint: furniture removed, the content
 * area chosen by text and link density, the result written as paragraphs. Enrich fingerprints a
 * page with it at approval and linkcheck with it on every check, so one page always gives one
 * fingerprint; a second extractor would make unchanged pages look changed.
 *
 * <pre>{@code
 * Document page = MainText.parse(html, url);
 * long fingerprint = MainText.fingerprint(MainText.of(page));
 * }</pre>
 */
public final class MainText {

  /** The most characters of main text kept by default. */
  public static final int MAX_CHARS = 500_000;

  /** How many leading characters of main text the fingerprint covers: what the catalogue stores. */
  public static final int FINGERPRINTED_CHARS = 200_000;

  private MainText() {}

  /**
   * Parses decoded HTML leniently, the way every stage reads a page. A byte-order mark left at the
   * start of the text is dropped, because jsoup would otherwise push the head's elements into the
   * body.
   *
   * @param baseUri the page's address, for resolving relative links; may be empty
   */
  public static Document parse(String html, String baseUri) {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(baseUri, "baseUri");
    return Jsoup.parse(html.startsWith("\uFEFF") ? html.substring(1) : html, baseUri);
  }

  /** The main text, at most {@link #MAX_CHARS} characters. Changes the page: read metadata first. */
  public static String of(Document page) {
    return of(page, MAX_CHARS);
  }

  /** The main text, at most {@code maxChars} characters. Changes the page: read metadata first. */
  public static String of(Document page, int maxChars) {
    Objects.requireNonNull(page, "page");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
    }
    Element body = page.body();
    // Counted while cleaning, and shared: choosing the content and writing it change nothing.
    TextCounts counts = PageCleaner.clean(body);
    List<Element> content = ContentArea.of(body, counts);
    return TextRenderer.render(content, counts, maxChars);
  }

  /**
   * The SimHash of the first {@link #FINGERPRINTED_CHARS} characters of a main text, or 0 for a
   * text without words (0 means "nothing to compare").
   */
  public static long fingerprint(String mainText) {
    String covered = mainText.length() > FINGERPRINTED_CHARS
        ? mainText.substring(0, FINGERPRINTED_CHARS) : mainText;
    return covered.isBlank() ? 0L : SimHash.of(covered);
  }
}
