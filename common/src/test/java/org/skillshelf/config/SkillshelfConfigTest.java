package org.skillshelf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillshelfConfigTest {
  @Test
  void theTaggerLearnsFromTenThousandRecordsByDefault() {
    assertThat(SkillshelfConfig.fromEnvironment(Map.of()).taggerMaxExamples()).isEqualTo(10_000);
  }

  @Test
  void readsTheTaggersExampleCap() {
    var config = SkillshelfConfig.fromEnvironment(Map.of("SKILLSHELF_TAGGER_MAX_EXAMPLES", "2500"));

    assertThat(config.taggerMaxExamples()).isEqualTo(2_500);
  }

  @Test
  void refusesAnExampleCapBelowOneNamingTheVariable() {
    assertThatThrownBy(() -> SkillshelfConfig.fromEnvironment(Map.of("SKILLSHELF_TAGGER_MAX_EXAMPLES", "0")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("SKILLSHELF_TAGGER_MAX_EXAMPLES");
  }

  @Test
  void listsEveryVariableItReads() {
    assertThat(SkillshelfConfig.VARIABLES).contains("SKILLSHELF_TAGGER_MAX_EXAMPLES", "SKILLSHELF_SUBMIT_RATE");
  }
}
