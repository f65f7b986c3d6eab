package org.skillshelf.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

  private static final String TEXT = "Version control lets a team keep every change to its "
      + "files, see who changed what and when, and go back to any earlier state. In this lesson "
      + "we set up Git, make a first repository, commit changes, look at the history and "
      + "compare versions of a file. Then we push the repository to a remote server and pull "
      + "changes made by colleagues, resolving a conflict along the way. Branches let each "
      + "person work on a feature without disturbing the others; when the work is ready, a "
      + "merge brings it back into the main line. We also look at ignoring generated files, "
      + "writing good commit messages that explain why a change was made, tagging releases, "
      + "and recovering a file that was deleted by mistake. By the end of the lesson you will "
      + "be able to use Git for your own projects, share them on a hosting service, review "
      + "the work of others through pull requests and keep a clean, readable history that "
      + "your future self will thank you for when something breaks months later.";

  @Test
  void nearIdenticalTextsAreMoreThanNinetyPercentSimilar() {
    String edited = TEXT.replace("colleagues", "co-workers");

    assertThat(SimHash.similarity(SimHash.of(TEXT), SimHash.of(edited))).isGreaterThan(0.9);
  }

  @Test
  void unrelatedTextsAreLessThanSeventyPercentSimilar() {
    String other = "Sourdough bread needs a lively starter, flour, water and salt. Mix them, "
        + "let the dough rest for an hour, fold it every thirty minutes, shape a loaf and "
        + "leave it in the fridge overnight before baking it in a very hot oven with steam.";

    assertThat(SimHash.similarity(SimHash.of(TEXT), SimHash.of(other))).isLessThan(0.7);
  }

  @Test
  void keepsTheFingerprintsStoredByEarlierVersions() {
    // Fingerprints are kept in the enriched records and compared with new ones, so a faster
    // implementation must give exactly the same bits (values from the regex-based version).
    assertThat(SimHash.of("Version control with Git: branches, merges and pull requests."))
        .isEqualTo(-1262111403060740911L);
    assertThat(SimHash.of("Straße und Übung: ça marche, 東京 日本語 テキスト_snake 42"))
        .isEqualTo(5605962882048417271L);
  }

  @Test
  void ignoresCaseAndPunctuation() {
    assertThat(SimHash.of("Hello, World! Nice day.")).isEqualTo(SimHash.of("hello world nice day"));
  }

  @Test
  void textWithoutWordsHasTheZeroFingerprint() {
    assertThat(SimHash.of(" ... ")).isZero();
  }
}
