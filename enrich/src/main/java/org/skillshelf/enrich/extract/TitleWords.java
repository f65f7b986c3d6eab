package org.skillshelf.enrich.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Whether a candidate title is made of the words of another title, such as the title element. */
final class TitleWords {

  /** Share of a candidate's letters that must be in words of the other title. */
  private static final double AGREEMENT = 0.75;

  private TitleWords() {}

  /** True when most of the candidate's words, by length, occur in the other title. */
  static boolean agree(String candidate, String other) {
    Set<String> known = new HashSet<>(words(other));
    int total = 0;
    int found = 0;
    for (String word : words(candidate)) {
      total += word.length();
      if (known.contains(word)) {
        found += word.length();
      }
    }
    return total > 0 && (double) found / total > AGREEMENT;
  }

  /** Runs of letters and digits, in lower case. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    return words;
  }
}
