package org.skillshelf.enrich.tagging;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource's fields as stemmed terms, and their frequencies: analysed and counted once per
 * suggestion and shared by both signals.
 */
record AnalysedInput(List<String> title, List<String> description, List<String> text, Map<String, Integer> frequencies) {
  /** Extra copies of title and description terms: they say more about the topic than body text. */
  private static final int TITLE_REPEAT = 3;
  private static final int DESCRIPTION_REPEAT = 2;

  AnalysedInput {
    frequencies = Collections.unmodifiableMap(frequencies);
  }

  static AnalysedInput of(TaggingInput input, Terms terms) {
    List<String> title = terms.of(input.title());
    List<String> description = input.description() == null ? List.of() : terms.of(input.description());
    List<String> text = terms.of(input.mainText());
    return new AnalysedInput(title, description, text, frequencies(title, description, text));
  }

  /** Term frequencies over all fields, title and description counted extra. */
  private static Map<String, Integer> frequencies(List<String> title, List<String> description, List<String> text) {
    Map<String, Integer> tf = new HashMap<>();
    title.forEach(t -> tf.merge(t, TITLE_REPEAT, Integer::sum));
    description.forEach(t -> tf.merge(t, DESCRIPTION_REPEAT, Integer::sum));
    text.forEach(t -> tf.merge(t, 1, Integer::sum));
    return tf;
  }

  /** A TF-IDF vector restricted to the words the taxonomy uses. */
  Map<String, Double> vector(SkillPhrases phrases) {
    Map<String, Double> vector = new HashMap<>();
    frequencies.forEach((term, tf) -> {
      double idf = phrases.idf(term);
      if (idf > 0) {
        vector.put(term, (1 + Math.log(tf)) * idf);
      }
    });
    return vector;
  }

  static double norm(Map<String, Double> vector) {
    double sum = 0;
    for (double v : vector.values()) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }
}
