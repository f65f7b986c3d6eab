package org.skillshelf.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextAndDatesTest {

  @Test
  void dropsFormatCharactersInsideARunOfSpacesAndLeavesOneSpace() {
    assertThat(PlainText.clean(" a \u200b\u2003 b\u0007c \ue000", 100)).isEqualTo("a bc");
  }

  @Test
  void keepsLettersOutsideTheBasicPlane() {
    assertThat(PlainText.clean("x \uD835\uDC00 y", 100)).isEqualTo("x \uD835\uDC00 y");
  }

  @Test
  void readsADayWithoutATimeAsADate() {
    assertThat(IsoDates.normalise("2024-03-05")).isEqualTo("2024-03-05");
    assertThat(IsoDates.normalise("2024/03/05")).isEqualTo("2024-03-05");
  }

  @Test
  void readsAnOffsetTimeTruncatedToSeconds() {
    assertThat(IsoDates.normalise("2024-03-05T10:11:12.345+01:00")).isEqualTo("2024-03-05T10:11:12+01:00");
  }

  @Test
  void dropsADateOfTheRightShapeThatDoesNotExist() {
    assertThat(IsoDates.normalise("2024-02-30")).isNull();
  }
}
