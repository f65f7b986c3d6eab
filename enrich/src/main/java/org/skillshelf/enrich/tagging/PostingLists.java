package org.skillshelf.enrich.tagging;

import java.util.Arrays;

/**
 * The inverted index of the approved examples: for each term id, the example slots whose text has
 * the term and the term's log-scaled frequency there, as two primitive arrays per term grown by
 * doubling (eight bytes a posting instead of an object each). Not thread-safe: {@link
 * ApprovedExamples} guards it.
 */
final class PostingLists {
  private static final int FIRST_CAPACITY = 4;

  private int[][] slots = new int[1024][];
  private float[][] weights = new float[1024][];
  private int[] sizes = new int[1024];

  void add(int term, int slot, float weight) {
    if (term >= sizes.length) {
      int capacity = Math.max(term + 1, sizes.length * 2);
      slots = Arrays.copyOf(slots, capacity);
      weights = Arrays.copyOf(weights, capacity);
      sizes = Arrays.copyOf(sizes, capacity);
    }
    int size = sizes[term];
    if (slots[term] == null) {
      slots[term] = new int[FIRST_CAPACITY];
      weights[term] = new float[FIRST_CAPACITY];
    } else if (size == slots[term].length) {
      slots[term] = Arrays.copyOf(slots[term], size * 2);
      weights[term] = Arrays.copyOf(weights[term], size * 2);
    }
    slots[term][size] = slot;
    weights[term][size] = weight;
    sizes[term] = size + 1;
  }

  /** Removes the slot's posting of the term; the order of a term's postings does not matter, so the last takes its place. */
  void remove(int term, int slot) {
    int size = sizes[term];
    int[] termSlots = slots[term];
    for (int i = 0; i < size; i++) {
      if (termSlots[i] == slot) {
        termSlots[i] = termSlots[size - 1];
        weights[term][i] = weights[term][size - 1];
        sizes[term] = size - 1;
        shrink(term);
        return;
      }
    }
  }

  /** The weight of the slot's posting of the term, 0 if it has none. */
  float weight(int term, int slot) {
    for (int i = 0, n = size(term); i < n; i++) {
      if (slots[term][i] == slot) {
        return weights[term][i];
      }
    }
    return 0;
  }

  int size(int term) {
    return term < sizes.length ? sizes[term] : 0;
  }

  /** The term's slots; only the first {@link #size} entries are postings. */
  int[] slots(int term) {
    return slots[term];
  }

  /** The term's weights, parallel to {@link #slots}. */
  float[] weights(int term) {
    return weights[term];
  }

  /** Gives memory back when a list is empty or mostly so, as old examples are evicted. */
  private void shrink(int term) {
    int size = sizes[term];
    if (size == 0) {
      slots[term] = null;
      weights[term] = null;
    } else if (size > FIRST_CAPACITY && size < slots[term].length / 4) {
      slots[term] = Arrays.copyOf(slots[term], size * 2);
      weights[term] = Arrays.copyOf(weights[term], size * 2);
    }
  }
}
