package org.skillshelf.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * How much heap the tagger's learned state keeps per approved record: 5,000 synthetic pages of
 * about 800 words each (a Zipf-distributed vocabulary of 30,000 words, as real text has) are
 * learned, and the heap after a full GC is compared with the heap before.
 */
class ApprovedExamplesFootprintTest {
  private static final int EXAMPLES = 5_000;
  private static final int WORDS_PER_PAGE = 800;
  private static final int VOCABULARY = 30_000;
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();

  @Test
  void keepsUnderTenKilobytesPerApprovedRecord() {
    Random random = new Random(42);
    String[] words = vocabulary(random);
    double[] zipf = zipfCumulative();
    long before = heapAfterGc();
    SkillTagger tagger = new SkillTagger(TAXONOMY);
    for (int i = 0; i < EXAMPLES; i++) {
      String skill = TAXONOMY.skills().get(i % TAXONOMY.skills().size()).id();
      tagger.learn("https://example.org/page/" + i, page(random, words, zipf, i), Set.of(skill));
    }
    tagger.suggest(page(random, words, zipf, -1));
    long after = heapAfterGc();
    long perExample = (after - before) / EXAMPLES;
    System.out.printf(Locale.ROOT, "tagger learned state: %d bytes per approved record (%d records, %.1f MB)%n",
        perExample, tagger.examples(), (after - before) / 1e6);
    Reference.reachabilityFence(tagger);

    assertThat(tagger.examples()).isEqualTo(EXAMPLES);
    // Measured at about 3.5 KB; the old one object per posting took about 60 KB. The bound leaves room
    // for what else a shared test JVM allocates meanwhile, and still catches a return to the old shape.
    assertThat(perExample).isLessThan(10_000);
  }

  private static TaggingInput page(Random random, String[] words, double[] zipf, int n) {
    StringBuilder text = new StringBuilder(WORDS_PER_PAGE * 8);
    for (int w = 0; w < WORDS_PER_PAGE; w++) {
      text.append(words[draw(random, zipf)]).append(w % 12 == 11 ? ". " : " ");
    }
    String title = "Lesson " + n + ": " + words[draw(random, zipf)] + " and " + words[draw(random, zipf)];
    return new TaggingInput(title, "A short description of lesson " + n + ".", text.toString());
  }

  private static String[] vocabulary(Random random) {
    String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "gu", "be", "fi", "ho"};
    String[] words = new String[VOCABULARY];
    for (int i = 0; i < VOCABULARY; i++) {
      StringBuilder word = new StringBuilder();
      int length = 2 + random.nextInt(3);
      for (int s = 0; s < length; s++) {
        word.append(syllables[random.nextInt(syllables.length)]);
      }
      words[i] = word.append(Integer.toString(i, 26).replaceAll("[0-9]", "x")).toString();
    }
    return words;
  }

  private static double[] zipfCumulative() {
    double[] cumulative = new double[VOCABULARY];
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }

  private static int draw(Random random, double[] cumulative) {
    int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
  }

  private static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
