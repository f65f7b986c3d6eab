package org.skillshelf.enrich.tagging;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A record's terms by position, each with its log-scaled frequency and IDF, for choosing which
 * terms the approved examples keep of it.
 */
record WeightedTerms(float[] logTf, double[] idf) {
  /**
   * The positions of the {@code limit} strongest terms by TF-IDF, so that words every lesson uses
   * give way to the ones that tell it apart. Ties keep the earlier position, so the choice is the
   * same on every replay.
   */
  int[] strongest(int limit) {
    double[] strength = new double[logTf.length];
    for (int i = 0; i < strength.length; i++) {
      strength[i] = logTf[i] * idf[i];
    }
    return IntStream.range(0, strength.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -strength[i]).thenComparingInt(i -> i))
        .limit(limit).mapToInt(Integer::intValue).toArray();
  }

  /** Every position. */
  int[] all() {
    return IntStream.range(0, logTf.length).toArray();
  }

  /** The ids of {@code terms} at the positions not {@code chosen}. */
  static int[] others(int[] terms, int[] chosen) {
    boolean[] keep = new boolean[terms.length];
    for (int i : chosen) {
      keep[i] = true;
    }
    return IntStream.range(0, terms.length).filter(i -> !keep[i]).map(i -> terms[i]).toArray();
  }
}
