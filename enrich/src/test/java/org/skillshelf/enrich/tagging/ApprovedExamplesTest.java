package org.skillshelf.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skillshelf.enrich.tagging.ApprovedExamples.Example;
import org.skillshelf.enrich.tagging.ApprovedExamples.Neighbour;

class ApprovedExamplesTest {
  private static final Map<String, Integer> GIT = Map.of("git", 4, "commit", 2, "branch", 1, "repositori", 1);
  private static final Map<String, Integer> MARC = Map.of("marc", 3, "catalogu", 2, "record", 2, "field", 1);
  private static final Map<String, Integer> KNITTING = Map.of("knit", 3, "yarn", 2, "needl", 1, "stitch", 2);

  @Test
  void evictsTheOldestRecordBeyondTheCap() {
    ApprovedExamples examples = new ApprovedExamples(2, 100, 0);

    examples.learn("git", new Example("Git", GIT, Set.of("version-control")));
    examples.learn("marc", new Example("MARC", MARC, Set.of("metadata")));
    examples.learn("knitting", new Example("Knitting", KNITTING, Set.of("makerspaces")));

    assertThat(examples.size()).isEqualTo(2);
    assertThat(examples.nearest(GIT, 5, 0.01)).isEmpty();
    assertThat(examples.nearest(KNITTING, 5, 0.01)).extracting(Neighbour::title).containsExactly("Knitting");
  }

  @Test
  void relearningARecordMakesItTheNewestSoItOutlivesOlderOnes() {
    ApprovedExamples examples = new ApprovedExamples(2, 100, 0);
    examples.learn("git", new Example("Git", GIT, Set.of("version-control")));
    examples.learn("marc", new Example("MARC", MARC, Set.of("metadata")));

    examples.learn("git", new Example("Git again", GIT, Set.of("version-control")));
    examples.learn("knitting", new Example("Knitting", KNITTING, Set.of("makerspaces")));

    assertThat(examples.nearest(GIT, 5, 0.01)).extracting(Neighbour::title).containsExactly("Git again");
    assertThat(examples.nearest(MARC, 5, 0.01)).isEmpty();
  }

  @Test
  void keepsOnlyTheStrongestTermsOfARecord() {
    ApprovedExamples examples = new ApprovedExamples(10, 1, 0);

    examples.learn("git", new Example("Git", GIT, Set.of("version-control")));

    assertThat(examples.terms()).isEqualTo(1);
    assertThat(examples.nearest(Map.of("git", 1), 5, 0.01)).hasSize(1);
  }

  @Test
  void findsTheSameNeighbourBeforeAndAfterRecordsAreCutToTheirStrongestTerms() {
    ApprovedExamples examples = new ApprovedExamples(10, 3, 3);
    examples.learn("git", new Example("Git", GIT, Set.of("version-control")));
    examples.learn("marc", new Example("MARC", MARC, Set.of("metadata")));
    List<Neighbour> whole = examples.nearest(GIT, 1, 0.01);
    assertThat(examples.terms()).isEqualTo(8);

    examples.learn("knitting", new Example("Knitting", KNITTING, Set.of("makerspaces")));

    assertThat(examples.terms()).isEqualTo(9);
    assertThat(examples.nearest(GIT, 1, 0.01)).extracting(Neighbour::title)
        .containsExactlyElementsOf(whole.stream().map(Neighbour::title).toList());
  }

  @Test
  void forgettingEveryRecordReleasesEveryTerm() {
    ApprovedExamples examples = new ApprovedExamples(10, 100, 0);
    examples.learn("git", new Example("Git", GIT, Set.of("version-control")));
    examples.learn("marc", new Example("MARC", MARC, Set.of("metadata")));

    examples.forget("git");
    examples.forget("marc");

    assertThat(examples.size()).isZero();
    assertThat(examples.terms()).isZero();
    assertThat(examples.nearest(GIT, 5, 0)).isEmpty();
  }

  @Test
  void refusesACapBelowOne() {
    assertThatThrownBy(() -> new ApprovedExamples(0, 100, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxExamples");
  }
}
