package org.skillshelf.enrich.tagging;

import java.util.Collection;

/**
 * How many learned records use each term, over the whole text of every record ever learned, for
 * the IDF both the choice of a record's strongest terms and the similarity rely on. Counts live in
 * a fixed array of hashed buckets (2^18 ints, 1 MB), so the vocabulary of a large catalogue costs
 * no more: a rare term that shares a bucket with a common one only looks a little commoner.
 * Records forgotten or evicted are not subtracted (their terms are no longer known); the IDF
 * is a ratio of counts to records learned, so it stays right for a catalogue whose mix holds
 * steady. Not thread-safe: {@link ApprovedExamples} guards it.
 */
final class DocumentFrequencies {
  private static final int BUCKETS = 1 << 18;

  private final int[] counts = new int[BUCKETS];
  private long records;

  /** Counts one more record using each of the (distinct) terms. */
  void add(Collection<String> terms) {
    terms.forEach(term -> counts[bucket(term)]++);
    records++;
  }

  /** log(1 + records / records using the term); 0 for a term no record used. */
  double idf(String term) {
    int count = counts[bucket(term)];
    return count == 0 ? 0 : Math.log(1.0 + (double) records / count);
  }

  private static int bucket(String term) {
    int h = term.hashCode();
    return (h ^ (h >>> 16)) & (BUCKETS - 1);
  }
}
