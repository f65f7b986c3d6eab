package org.skillshelf.publish.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillshelf.publish.search.Records.record;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillshelf.taxonomy.Taxonomy;

class CoverageTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");

  private static Coverage.Row row(List<Coverage.Row> rows, String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void countsResourcesPerSkillByTypeAndLevel() {
    Coverage c = Coverage.of(List.of(
        record("a", "A", "d", List.of("digital-preservation"), "guide", "en", 1),
        record("b", "B", "d", List.of("digital-preservation", "linked-data"), "course", "en", 2)), TAXONOMY, code -> code, LEVELS, 3);
    Coverage.Row preservation = row(c.skills(), "digital-preservation");
    assertThat(preservation.total()).isEqualTo(2);
    assertThat(preservation.byType()).containsEntry("guide", 1).containsEntry("course", 1);
    assertThat(preservation.byLevel()).containsEntry("beginner", 2);
    assertThat(preservation.state()).isEqualTo("THIN");
    assertThat(c.types()).containsExactly("course", "guide");
  }

  @Test
  void aResourceTeachesTheCompetencesOfItsSkillsOnceEach() {
    // digital-preservation and linked-data both map to 1.3; linked-data also to 3.2.
    Coverage c = Coverage.of(List.of(record("b", "B", "d", List.of("digital-preservation", "linked-data"), "course", "en", 2)),
        TAXONOMY, code -> "DigComp " + code, LEVELS, 1);
    assertThat(row(c.competences(), "1.3").total()).isEqualTo(1);
    assertThat(row(c.competences(), "3.2").total()).isEqualTo(1);
    assertThat(row(c.competences(), "1.3").label()).isEqualTo("DigComp 1.3");
    assertThat(c.competences()).hasSize(21);
  }

  @Test
  void marksWhatNothingTeachesAsAGap() {
    Coverage c = Coverage.of(List.of(), TAXONOMY, code -> code, LEVELS, 3);
    assertThat(c.skills()).isNotEmpty().allMatch(r -> r.state().equals("GAP"));
    assertThat(c.skills()).noneMatch(r -> r.id().startsWith("digcomp-"));
  }
}
