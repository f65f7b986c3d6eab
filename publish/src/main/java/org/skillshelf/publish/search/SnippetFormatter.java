package org.skillshelf.publish.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.jspecify.annotations.Nullable;
import org.skillshelf.web.html.Html;

/**
 * Formats the highlighter's passages as a {@link Snippet}. The HTML is built from escaped pieces of
 * the record's own text and literal {@code <mark>} tags, so a hostile description stays text.
 */
final class SnippetFormatter extends PassageFormatter {
  private static final String ELLIPSIS = "… ";

  @Override
  public @Nullable Object format(Passage[] passages, String content) {
    if (passages.length == 0 || passages[0].getNumMatches() == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    for (Passage passage : passages) {
      if (passage.getStartOffset() > 0 || text.length() > 0) {
        text.append(ELLIPSIS);
        html.append(ELLIPSIS);
      }
      int at = passage.getStartOffset();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int start = Math.max(at, passage.getMatchStarts()[i]);
        int end = passage.getMatchEnds()[i];
        if (end <= start) {
          continue; // overlapping matches (a word and its phrase) are marked once
        }
        html.append(Html.text(content.substring(at, start)))
            .append("<mark>").append(Html.text(content.substring(start, end))).append("</mark>");
        at = end;
      }
      html.append(Html.text(content.substring(at, passage.getEndOffset())));
      text.append(content, passage.getStartOffset(), passage.getEndOffset());
    }
    if (passages[passages.length - 1].getEndOffset() < content.length()) {
      text.append(" …");
      html.append(" …");
    }
    return new Snippet(text.toString().strip(), html.toString().strip());
  }
}
