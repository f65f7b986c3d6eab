package org.skillshelf.text.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BoilerplateSignsTest {

  private static Element div(String attributes) {
    return Jsoup.parseBodyFragment("<div " + attributes + ">x</div>").body().child(0);
  }

  @Test
  void splitsClassNamesAtSeparatorsAndCaseChanges() {
    assertThat(BoilerplateSigns.words("mainNav-links site_footer\tpost:body.x"))
        .containsExactly("main", "nav", "links", "site", "footer", "post", "body", "x");
  }

  @Test
  void doesNotSplitRunsOfCapitalsOrEmptyParts() {
    assertThat(BoilerplateSigns.words("--HTMLContent  ")).containsExactly("htmlcontent");
    assertThat(BoilerplateSigns.words("")).isEmpty();
  }

  @Test
  void matchesWholeWordsOnlySoShadowIsNotAnAdvert() {
    assertThat(BoilerplateSigns.isStrongFurniture(div("class='box-shadow'"))).isFalse();
    assertThat(BoilerplateSigns.isStrongFurniture(div("class='top ad-slot'"))).isTrue();
    assertThat(BoilerplateSigns.isStrongFurniture(div("id='relatedStories'"))).isTrue();
  }
}
