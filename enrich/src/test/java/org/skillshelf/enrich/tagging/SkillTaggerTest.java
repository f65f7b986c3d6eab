package org.skillshelf.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.taxonomy.Taxonomy;

class SkillTaggerTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();

  private static final TaggingInput GIT_TUTORIAL = new TaggingInput(
      "Version control with Git",
      "A beginner's tutorial on tracking changes.",
      "Git records snapshots of your project. Use git init to create a repository, git add and "
          + "git commit to save changes, and git push to share them on GitHub.");

  private static final TaggingInput RECIPE = new TaggingInput(
      "Grandmother's apple crumble",
      null,
      "Preheat the oven to 190 degrees. Rub the butter into the flour and sugar until it looks "
          + "like breadcrumbs. Slice the apples, sprinkle the crumble on top and bake for forty minutes.");

  private static final TaggingInput KNITTING_FOR_CATALOGUERS = new TaggingInput(
      "Knitting patterns for beginners",
      null,
      "Cast on twenty stitches, knit every row, and bind off. Patterns list yarn weight and needle size.");

  @Test
  void suggestsVersionControlForAGitTutorialWithGitAsEvidence() {
    List<SkillSuggestion> suggestions = new SkillTagger(TAXONOMY).suggest(GIT_TUTORIAL);

    assertThat(suggestions).isNotEmpty();
    assertThat(suggestions.getFirst().id()).isEqualTo("version-control");
    assertThat(suggestions.getFirst().evidence()).contains("git");
  }

  @Test
  void abstainsOnARecipe() {
    assertThat(new SkillTagger(TAXONOMY).suggest(RECIPE)).isEmpty();
  }

  @Test
  void abstainsOnEmptyInput() {
    assertThat(new SkillTagger(TAXONOMY).suggest(new TaggingInput("", null, ""))).isEmpty();
  }

  @Test
  void suggestsAtMostFiveWithScoresBetweenZeroAndOne() {
    TaggingInput everything = new TaggingInput("Python, R, SQL, Git, the shell, OpenRefine and Excel",
        "Metadata, MARC, Wikidata, GDPR, copyright and 3D printing", "regex web scraping accessibility");

    List<SkillSuggestion> suggestions = new SkillTagger(TAXONOMY).suggest(everything);

    assertThat(suggestions).hasSizeBetween(1, 5);
    assertThat(suggestions).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
  }

  @Test
  void learnedExamplesMakeASimilarTextGetTheirSkillWithResemblesEvidence() {
    SkillTagger tagger = new SkillTagger(TAXONOMY);
    assertThat(tagger.suggest(KNITTING_FOR_CATALOGUERS)).extracting(SkillSuggestion::id)
        .doesNotContain("makerspaces");

    tagger.learn("r1", new TaggingInput("Knitting circle", null,
        "Knit and purl stitches, reading yarn patterns, casting on with needles."), Set.of("makerspaces"));
    tagger.learn("r2", new TaggingInput("Crafts club", null,
        "Yarn, needles and stitches: a knitting pattern for a scarf, row by row."), Set.of("makerspaces"));
    List<SkillSuggestion> suggestions = tagger.suggest(KNITTING_FOR_CATALOGUERS);

    assertThat(suggestions).isNotEmpty();
    assertThat(suggestions.getFirst().id()).isEqualTo("makerspaces");
    assertThat(suggestions.getFirst().evidence()).anyMatch(e -> e.startsWith("resembles "));
    assertThat(suggestions).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
  }

  @Test
  void anOffTopicPageSharingOnlyStopWordsWithApprovedRecordsGetsNoSuggestion() {
    SkillTagger tagger = new SkillTagger(TAXONOMY);
    tagger.learn("r1", new TaggingInput("Why cite your data", null,
        "So what should you do with your data? What you cite, others can find, so cite each data set you use."),
        Set.of("research-data-management"));
    tagger.learn("r2", new TaggingInput("What a data management plan is", null,
        "So what goes in a plan? What you will collect, where it will be kept, and so on, before you start."),
        Set.of("research-data-management"));
    TaggingInput chat = new TaggingInput("So what now?", null,
        "So what do you do when it rains? What would you do? So we stayed in, and what a day it was, so very long.");

    List<SkillSuggestion> suggestions = tagger.suggest(chat);

    assertThat(suggestions).isEmpty();
    assertThat(tagger.ranked(chat, 5)).allSatisfy(s -> assertThat(s.evidence()).doesNotContain("so", "what"));
  }

  @Test
  void stopWordsAreNeitherMatchedNorEvidence() {
    Terms terms = new Terms();

    assertThat(terms.of("So what would you do with it, and why?")).isEmpty();
    assertThat(terms.of("So what is version control?")).containsExactly("version", "control");
  }

  @Test
  void relearningAResourceReplacesItsExample() {
    SkillTagger tagger = new SkillTagger(TAXONOMY);

    tagger.learn("r1", KNITTING_FOR_CATALOGUERS, Set.of("makerspaces"));
    tagger.learn("r1", KNITTING_FOR_CATALOGUERS, Set.of("project-management"));

    assertThat(tagger.examples()).isEqualTo(1);
    assertThat(tagger.suggest(KNITTING_FOR_CATALOGUERS)).extracting(SkillSuggestion::id)
        .contains("project-management").doesNotContain("makerspaces");
  }

  @Test
  void forgettingAResourceRemovesItsInfluence() {
    SkillTagger tagger = new SkillTagger(TAXONOMY);
    tagger.learn("r1", KNITTING_FOR_CATALOGUERS, Set.of("makerspaces"));

    tagger.forget("r1");

    assertThat(tagger.examples()).isZero();
    assertThat(tagger.suggest(KNITTING_FOR_CATALOGUERS)).isEmpty();
  }

  @Test
  void ignoresApprovedSkillsTheTaxonomyDoesNotKnow() {
    SkillTagger tagger = new SkillTagger(TAXONOMY);

    tagger.learn("r1", KNITTING_FOR_CATALOGUERS, Set.of("knitting"));

    assertThat(tagger.examples()).isZero();
  }

  @Test
  void learnsSafelyFromManyThreadsAtOnce() throws InterruptedException {
    SkillTagger tagger = new SkillTagger(TAXONOMY);
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 200; i++) {
        String id = "r" + i;
        pool.submit(() -> tagger.learn(id, GIT_TUTORIAL, Set.of("version-control")));
        pool.submit(() -> tagger.suggest(GIT_TUTORIAL));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(tagger.examples()).isEqualTo(200);
    assertThat(tagger.suggest(GIT_TUTORIAL).getFirst().evidence()).contains("git");
  }
}
