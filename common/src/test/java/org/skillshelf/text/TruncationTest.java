package org.skillshelf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TruncationTest {

  @Test
  void keepsATextThatFits() {
    assertThat(Truncation.atWord("short text", 10)).isEqualTo("short text");
  }

  @Test
  void cutsAtTheLastSpaceBeforeTheLimit() {
    assertThat(Truncation.atWord("rivers carve valleys", 15)).isEqualTo("rivers carve");
  }

  @Test
  void cutsALongWordMidWordWhenNoSpaceIsInTheSecondHalf() {
    assertThat(Truncation.atWord("a supercalifragilistic", 10)).isEqualTo("a supercal");
  }

  @Test
  void neverSplitsASurrogatePair() {
    assertThat(Truncation.atWord("abcd\uD83D\uDE00ef", 5)).isEqualTo("abcd");
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> Truncation.atWord("text", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
