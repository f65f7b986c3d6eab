package org.skillshelf.enrich.tagging;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The stemmed terms the approved examples keep, as dense int ids, each term's string held once,
 * with how many examples keep it. A term no example keeps any more is dropped and its id reused, so
 * the dictionary never outgrows the examples it serves (IDF is {@link DocumentFrequencies}' job).
 * Not thread-safe: {@link ApprovedExamples} guards it.
 */
final class TermDictionary {
  private final Map<String, Integer> ids = new HashMap<>();
  private String[] terms = new String[1024];
  private int[] uses = new int[1024];
  private int[] free = new int[64];
  private int freeCount;
  private int next;

  /** The term's id, or -1 if no example uses it. */
  int idOf(String term) {
    Integer id = ids.get(term);
    return id == null ? -1 : id;
  }

  /** Counts one more example using the term and returns its id. */
  int use(String term) {
    Integer known = ids.get(term);
    if (known != null) {
      uses[known]++;
      return known;
    }
    int id = freeCount > 0 ? free[--freeCount] : next++;
    if (id == terms.length) {
      terms = Arrays.copyOf(terms, id * 2);
      uses = Arrays.copyOf(uses, id * 2);
    }
    terms[id] = term;
    uses[id] = 1;
    ids.put(term, id);
    return id;
  }

  /** Counts one example fewer using the term; at none the term is dropped. */
  void release(int id) {
    if (--uses[id] == 0) {
      ids.remove(terms[id]);
      terms[id] = null;
      if (freeCount == free.length) {
        free = Arrays.copyOf(free, freeCount * 2);
      }
      free[freeCount++] = id;
    }
  }

  /** The term of a live id. */
  String term(int id) {
    return terms[id];
  }

  /** One more than the highest id handed out so far. */
  int idLimit() {
    return next;
  }

  int size() {
    return ids.size();
  }
}
