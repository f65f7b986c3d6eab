package org.skillshelf.ingest.bulk;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * A Netscape bookmark file, as every browser exports: each {@code <DT><A HREF=...>title</A>} is an
 * entry, and a {@code <DD>} right after it is its description. Any other HTML page works too: each
 * link with an {@code href} is an entry. Links to a place in the same page ({@code #...}) are not
 * resources and are skipped.
 */
final class BookmarkFile {

  private BookmarkFile() {}

  static void read(String body, BulkParseBuilder out) {
    Document document = Jsoup.parse(body, "", Parser.htmlParser().setTrackPosition(true));
    for (Element link : document.select("a[href]")) {
      String href = link.attr("href").strip();
      if (href.startsWith("#")) {
        continue;
      }
      int line = Math.max(1, link.sourceRange().start().lineNumber());
      if (!out.add(line, href, link.text(), description(link), List.of())) {
        return;
      }
    }
  }

  private static @Nullable String description(Element link) {
    Element term = link.parent();
    if (term == null || !term.nameIs("dt")) {
      return null;
    }
    Element next = term.nextElementSibling();
    // ownText: a folder's <DD> may enclose the folder's whole list; only its own words describe.
    return next != null && next.nameIs("dd") ? next.ownText() : null;
  }
}
