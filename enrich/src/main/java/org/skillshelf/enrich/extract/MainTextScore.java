package org.skillshelf.enrich.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's score of one page: both texts split into {@code \w+} words,
 * 4-word shingles counted, and the overlap, extra and missing counts each divided by their sum.
 *
 * @param truePositive share of shingles both texts have
 * @param falsePositive share only the extraction has
 * @param falseNegative share only the reference has
 */
record MainTextScore(double truePositive, double falsePositive, double falseNegative) {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  static MainTextScore of(String expected, String predicted) {
    Map<String, Integer> truth = shingles(expected);
    Map<String, Integer> guess = shingles(predicted);
    Set<String> keys = new HashSet<>(truth.keySet());
    keys.addAll(guess.keySet());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (String key : keys) {
      int t = truth.getOrDefault(key, 0);
      int p = guess.getOrDefault(key, 0);
      tp += Math.min(t, p);
      fp += Math.max(0, p - t);
      fn += Math.max(0, t - p);
    }
    double sum = tp + fp + fn;
    return sum > 0 ? new MainTextScore(tp / sum, fp / sum, fn / sum) : new MainTextScore(0, 0, 0);
  }

  /** Precision of this page, or NaN when nothing was predicted. */
  double precision() {
    if (truePositive + falsePositive + falseNegative == 0) {
      return 1.0;
    }
    double denominator = truePositive + falsePositive;
    return denominator > 0 ? truePositive / denominator : Double.NaN;
  }

  /** Recall of this page, or NaN when nothing was expected. */
  double recall() {
    if (truePositive + falsePositive + falseNegative == 0) {
      return 1.0;
    }
    double denominator = truePositive + falseNegative;
    return denominator > 0 ? truePositive / denominator : Double.NaN;
  }

  private static Map<String, Integer> shingles(String text) {
    java.util.List<String> words = new java.util.ArrayList<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    Map<String, Integer> counts = new HashMap<>();
    int count = Math.max(1, words.size() - N + 1);
    for (int i = 0; i < count && !words.isEmpty(); i++) {
      counts.merge(String.join(" ", words.subList(i, Math.min(words.size(), i + N))), 1, Integer::sum);
    }
    return counts;
  }
}
