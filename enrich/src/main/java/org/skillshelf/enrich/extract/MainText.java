package org.skillshelf.enrich.extract;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The boilerplate-free text of an HTML page: furniture removed, the content area chosen by text
 * and link density, the result written as paragraphs. Changes the document it is given, so read
 * metadata from the document first.
 */
final class MainText {

  private MainText() {}

  static String of(Document page, int maxChars) {
    Element body = page.body();
    PageCleaner.clean(body);
    List<Element> content = ContentArea.of(body);
    return TextRenderer.render(content, maxChars);
  }
}
