package org.skillshelf.text.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TextCountsTest {

  @Test
  void removingAnElementLeavesTheCountsOfAFreshMeasure() {
    Element body = Jsoup.parse("<div id=a><p>One, two.</p><a href=x><span id=gone>link, text</span>more</a>"
        + "<p id=p2>Three</p></div>").body();
    TextCounts counts = TextCounts.measure(body);
    counts.remove(body.getElementById("gone"));
    counts.remove(body.getElementById("p2"));

    TextCounts fresh = TextCounts.measure(body);
    for (Element element : body.getAllElements()) {
      TextCounts.Count kept = counts.of(element);
      TextCounts.Count measured = fresh.of(element);
      assertThat(new int[] {kept.chars, kept.linkChars, kept.commas, kept.paragraphs})
          .as(element.normalName()).containsExactly(measured.chars, measured.linkChars, measured.commas, measured.paragraphs);
    }
  }

  @Test
  void collapsesRunsOfSpacesAndNoBreakSpacesToOne() {
    assertThat(TextRenderer.collapseSpaces("a \u00a0\t b\n\nc")).isEqualTo("a b c");
  }
}
