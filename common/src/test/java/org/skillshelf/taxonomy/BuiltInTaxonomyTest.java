package org.skillshelf.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInTaxonomyTest {
  private final Taxonomy taxonomy = Taxonomy.builtIn();

  @Test
  void loadsWithoutWarnings() {
    assertThat(taxonomy.skills()).hasSizeGreaterThan(50);
    assertThat(taxonomy.warnings()).isEmpty();
  }

  @Test
  void hasTheFiveDigCompAreasAtTheTop() {
    List<Skill> areas = taxonomy.skills().stream().filter(s -> s.parent() == null).toList();

    assertThat(areas).extracting(Skill::id)
        .containsExactly("digcomp-1", "digcomp-2", "digcomp-3", "digcomp-4", "digcomp-5");
  }

  @Test
  void hasTheTwentyOneCompetencesUnderTheirAreas() {
    List<Skill> competences =
        taxonomy.skills().stream().filter(s -> s.id().matches("digcomp-\\d-\\d")).toList();

    assertThat(competences).hasSize(21);
    assertThat(competences).allSatisfy(c -> {
      assertThat(c.parent()).isEqualTo(c.id().substring(0, "digcomp-1".length()));
      assertThat(c.digcomp()).containsExactly(c.id().substring(8, 9) + "." + c.id().substring(10));
    });
  }

  @Test
  void mapsEverySkillToValidDigCompCompetences() {
    assertThat(taxonomy.skills()).allSatisfy(s -> {
      assertThat(s.digcomp()).isNotEmpty().allMatch(DigComp::isCompetence);
      assertThat(s.description()).isNotBlank();
    });
  }

  @Test
  void describesLibrarySkillsWithSynonymsAndABroaderSkill() {
    Skill git = taxonomy.skill("version-control").orElseThrow();

    assertThat(git.synonyms()).contains("git", "github");
    assertThat(git.parent()).isNotNull();
    assertThat(taxonomy.contains(git.parent())).isTrue();
  }
}
