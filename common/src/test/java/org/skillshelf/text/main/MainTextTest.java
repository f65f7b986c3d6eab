package org.skillshelf.text.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skillshelf.text.SimHash;

class MainTextTest {
  private static final String PAGE = "<html><head><title>Tides</title></head><body>"
      + "<nav><a href=/>Home</a> <a href=/seas>Seas</a></nav>"
      + "<article><h1>Tides</h1><p>The moon pulls the oceans towards it, and the earth turns beneath that bulge, "
      + "so most coasts see two high tides a day.</p></article>"
      + "<footer>Copyright 2025, Coastal Notes.</footer></body></html>";

  @Test
  void keepsTheArticleWithoutNavigationFooterOrHeading() {
    String text = MainText.of(MainText.parse(PAGE, "https://example.org/tides"));

    assertThat(text).startsWith("The moon pulls the oceans").doesNotContain("Home", "Copyright", "Tides");
  }

  @Test
  void readsTheHeadOfAPageThatStartsWithAByteOrderMark() {
    assertThat(MainText.parse("\uFEFF" + PAGE, "").title()).isEqualTo("Tides");
  }

  @Test
  void fingerprintsOnlyTheCharactersTheCatalogueStores() {
    String stored = "word ".repeat(MainText.FINGERPRINTED_CHARS / 5);
    String longer = stored + "an entirely different ending that the catalogue never kept ".repeat(100);

    assertThat(MainText.fingerprint(longer)).isEqualTo(MainText.fingerprint(stored)).isEqualTo(SimHash.of(stored));
  }

  @Test
  void fingerprintsATextWithoutWordsAsZero() {
    assertThat(MainText.fingerprint(" \n\n ")).isZero();
  }

  @Test
  void givesEmptyTextForAnEmptyPage() {
    assertThat(MainText.of(MainText.parse("", ""))).isEmpty();
  }

  @Test
  void refusesALimitBelowOneCharacter() {
    assertThatThrownBy(() -> MainText.of(MainText.parse(PAGE, ""), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChars");
  }
}
