package org.skillshelf.enrich.tagging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.taxonomy.InvalidTaxonomyException;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * Measures the tagger on a labelled folder: COLD (the taxonomy alone) and WARM (k-fold: the tagger
 * learns the other folds as if curators had approved them and is scored on the held-out fold, so
 * no item is scored by a tagger that learned it). Prints suggested-set precision, recall and F1,
 * F1@1 and F1@3 of the ranked list, per-skill figures and the mean time of one suggest() call.
 *
 * <p>Usage: {@code TaggingEvaluation <labelled folder> <taxonomy file> [folds]}
 */
public final class TaggingEvaluation {
  private static final int DEFAULT_FOLDS = 5;

  private final Taxonomy taxonomy;
  private final TaggerSettings settings = TaggerSettings.fromSystemProperties();
  private final List<LabelledItem> items;

  private TaggingEvaluation(Taxonomy taxonomy, List<LabelledItem> items) {
    this.taxonomy = taxonomy;
    this.items = items;
  }

  public static void main(String[] args) throws IOException, InvalidTaxonomyException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: TaggingEvaluation <labelled folder> <taxonomy file> [folds]");
    }
    Taxonomy taxonomy = Taxonomy.load(Path.of(args[1]));
    List<LabelledItem> items = LabelledItem.readFolder(Path.of(args[0]));
    int folds = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_FOLDS;
    System.out.printf(Locale.ROOT, "%d items, taxonomy \"%s\" with %d skills%n",
        items.size(), taxonomy.name(), taxonomy.skills().size());
    TaggingEvaluation evaluation = new TaggingEvaluation(taxonomy, items);
    evaluation.report("COLD (taxonomy only)", evaluation.cold());
    evaluation.report("WARM (" + folds + "-fold, learned from the other folds)", evaluation.warm(folds));
  }

  private Run cold() {
    SkillTagger tagger = SkillTagger.tuned(taxonomy, settings);
    items.forEach(item -> tagger.suggest(item.input()));
    Run run = new Run();
    items.forEach(item -> run.score(tagger, item));
    return run;
  }

  private Run warm(int folds) {
    Run run = new Run();
    for (int fold = 0; fold < folds; fold++) {
      SkillTagger tagger = SkillTagger.tuned(taxonomy, settings);
      List<LabelledItem> heldOut = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        LabelledItem item = items.get(i);
        if (i % folds == fold) {
          heldOut.add(item);
        } else {
          tagger.learn(item.id(), item.input(), item.skills());
        }
      }
      heldOut.forEach(item -> run.score(tagger, item));
    }
    return run;
  }

  private void report(String setting, Run run) {
    System.out.println();
    System.out.println(setting);
    System.out.println("  suggested set: " + run.suggested.summary());
    System.out.println("  F1@1:          " + run.atOne.summary());
    System.out.println("  F1@3:          " + run.atThree.summary());
    System.out.printf(Locale.ROOT, "  mean suggest() time: %.2f ms over %d calls%n", run.nanos / 1e6 / run.calls, run.calls);
    System.out.println("  per skill (suggested set):");
    System.out.print(run.suggested.perSkillTable());
    if (Boolean.getBoolean("tagging.verbose")) {
      run.misses.forEach(m -> System.out.println("  " + m));
    }
  }

  /** The scores of one setting. */
  private static final class Run {
    final EvaluationScore suggested = new EvaluationScore();
    final EvaluationScore atOne = new EvaluationScore();
    final EvaluationScore atThree = new EvaluationScore();
    final List<String> misses = new ArrayList<>();
    long nanos;
    int calls;

    void score(SkillTagger tagger, LabelledItem item) {
      long start = System.nanoTime();
      List<SkillSuggestion> suggestions = tagger.suggest(item.input());
      nanos += System.nanoTime() - start;
      calls++;
      List<String> ids = suggestions.stream().map(SkillSuggestion::id).toList();
      List<String> ranked = tagger.ranked(item.input(), 3).stream().map(SkillSuggestion::id).toList();
      suggested.add(ids, item.skills());
      atOne.add(ranked.subList(0, Math.min(1, ranked.size())), item.skills());
      atThree.add(ranked, item.skills());
      if (!Set.copyOf(ids).equals(item.skills())) {
        misses.add(item.id() + " \"" + item.input().title() + "\" truth=" + item.skills() + " got="
            + suggestions.stream().map(s -> s.id() + ":" + s.score() + s.evidence()).toList());
      }
    }
  }
}
