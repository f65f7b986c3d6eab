package org.skillshelf.enrich.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The records curators approved, with the skills they approved, kept as term vectors so that a
 * new resource can be compared with them (k nearest neighbours by TF-IDF cosine). Learning the
 * same resource again replaces it.
 *
 * <p>Memory is bounded by configuration: only the {@code maxExamples} most recently learned records
 * are kept (the oldest is forgotten when a new one arrives), and of each only its {@code
 * termsPerExample} strongest terms by TF-IDF, as int ids into a shared {@link TermDictionary} with
 * postings in primitive arrays ({@link PostingLists}); document frequencies live in a fixed 1 MB
 * table ({@link DocumentFrequencies}). The first {@code wholeExamples} records are kept whole and
 * cut all at once when that many have arrived, because only then does the IDF say which terms are
 * strong. With the defaults (100 terms, 10,000 records) a record costs about 3.5 KB, measured by
 * ApprovedExamplesFootprintTest on 5,000 pages of 800 words (title, skills, term ids, postings and
 * its share of the dictionary; the unbounded index before this cost 60 KB), so the tagger's state
 * stays under about 35 MB however large the catalogue grows.
 *
 * <p>Thread-safe: learning and forgetting take a write lock for a few microseconds; lookups share
 * a read lock. Document frequencies change with every record, so the records' vector lengths are
 * recomputed (one pass over the postings) on the first lookup after a change.
 */
final class ApprovedExamples {
  /** An approved record as learned: its title, term frequencies and approved skills. */
  record Example(String title, Map<String, Integer> frequencies, Set<String> skills) {}

  /** An approved record that resembles the resource being tagged. */
  record Neighbour(String title, Set<String> skills, double similarity) {}

  /** What is kept of a record: evidence for a suggestion, and its term ids to unindex it. */
  private record Kept(String title, Set<String> skills, int[] terms) {}

  /** A title is evidence shown to curators, not matched: this much of it is enough. */
  private static final int MAX_TITLE = 160;

  private final int maxExamples;
  private final int termsPerExample;
  private final int wholeExamples;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** Resource id to slot, oldest learned first, so the eldest is the one evicted. */
  private final LinkedHashMap<String, Integer> slots = new LinkedHashMap<>();
  private final TermDictionary dictionary = new TermDictionary();
  private final DocumentFrequencies documentFrequencies = new DocumentFrequencies();
  private PostingLists postings = new PostingLists();
  private Kept[] kept = new Kept[64];
  private double[] norms = new double[64];
  private int[] freeSlots = new int[16];
  private int freeSlotCount;
  private int slotLimit;
  private boolean normsStale;
  /** Whether records are cut to their strongest terms yet (see settle()). */
  private boolean settled;

  ApprovedExamples(int maxExamples, int termsPerExample, int wholeExamples) {
    if (maxExamples < 1 || termsPerExample < 1 || wholeExamples < 0) {
      throw new IllegalArgumentException("maxExamples and termsPerExample must be at least 1 and wholeExamples at least 0, were "
          + maxExamples + ", " + termsPerExample + " and " + wholeExamples);
    }
    this.maxExamples = maxExamples;
    this.termsPerExample = termsPerExample;
    this.wholeExamples = wholeExamples;
    this.settled = wholeExamples == 0;
  }

  void learn(String resourceId, Example example) {
    lock.writeLock().lock();
    try {
      Integer previous = slots.remove(resourceId);
      if (previous != null) {
        release(previous);
      }
      documentFrequencies.add(example.frequencies().keySet());
      int slot = allocate();
      String title = example.title().length() > MAX_TITLE ? example.title().substring(0, MAX_TITLE) : example.title();
      kept[slot] = new Kept(title, Set.copyOf(example.skills()), index(slot, example.frequencies()));
      slots.put(resourceId, slot);
      if (!settled && slots.size() >= wholeExamples) {
        settle();
      }
      Iterator<Integer> eldest = slots.values().iterator();
      while (slots.size() > maxExamples) {
        release(eldest.next());
        eldest.remove();
      }
      normsStale = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  void forget(String resourceId) {
    lock.writeLock().lock();
    try {
      Integer slot = slots.remove(resourceId);
      if (slot != null) {
        release(slot);
        normsStale = true;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  int size() {
    lock.readLock().lock();
    try {
      return slots.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Distinct terms held for all records, for measuring. */
  int terms() {
    lock.readLock().lock();
    try {
      return dictionary.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  List<Neighbour> nearest(Map<String, Integer> frequencies, int k, double minSimilarity) {
    lock.readLock().lock();
    if (normsStale) {
      lock.readLock().unlock();
      lock.writeLock().lock();
      try {
        if (normsStale) {
          recomputeNorms();
        }
        lock.readLock().lock();
      } finally {
        lock.writeLock().unlock();
      }
    }
    try {
      return slots.isEmpty() ? List.of() : neighbours(frequencies, k, minSimilarity);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<Neighbour> neighbours(Map<String, Integer> frequencies, int k, double minSimilarity) {
    double[] dot = new double[slotLimit];
    double queryNorm = 0;
    for (Map.Entry<String, Integer> e : frequencies.entrySet()) {
      int term = dictionary.idOf(e.getKey());
      if (term < 0) {
        continue;
      }
      double idf = documentFrequencies.idf(e.getKey());
      double weight = (1 + Math.log(e.getValue())) * idf;
      queryNorm += weight * weight;
      int[] termSlots = postings.slots(term);
      float[] termWeights = postings.weights(term);
      for (int i = 0, n = postings.size(term); i < n; i++) {
        dot[termSlots[i]] += weight * idf * termWeights[i];
      }
    }
    queryNorm = Math.sqrt(queryNorm);
    List<Neighbour> found = new ArrayList<>();
    for (int slot = 0; slot < slotLimit; slot++) {
      if (dot[slot] > 0) {
        double similarity = Math.min(1.0, dot[slot] / (queryNorm * norms[slot]));
        if (similarity >= minSimilarity) {
          found.add(new Neighbour(kept[slot].title(), kept[slot].skills(), similarity));
        }
      }
    }
    found.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
    return List.copyOf(found.subList(0, Math.min(k, found.size())));
  }

  /**
   * Indexes the record's terms: all of them while the collection is young, else only its strongest.
   * Terms are read in a fixed order so that replaying the same records builds the same index.
   */
  private int[] index(int slot, Map<String, Integer> frequencies) {
    List<String> terms = frequencies.keySet().stream().sorted().toList();
    float[] logTf = new float[terms.size()];
    double[] idf = new double[terms.size()];
    for (int i = 0; i < logTf.length; i++) {
      logTf[i] = (float) (1 + Math.log(frequencies.get(terms.get(i))));
      idf[i] = documentFrequencies.idf(terms.get(i));
    }
    WeightedTerms weighted = new WeightedTerms(logTf, idf);
    int[] chosen = settled ? weighted.strongest(termsPerExample) : weighted.all();
    int[] ids = new int[chosen.length];
    for (int i = 0; i < chosen.length; i++) {
      ids[i] = dictionary.use(terms.get(chosen[i]));
      postings.add(ids[i], slot, logTf[chosen[i]]);
    }
    return ids;
  }

  /**
   * Cuts every record down to its strongest terms, now that the collection is large enough for its
   * IDF to say which terms those are. Until then records are kept whole: cutting the first records
   * by an IDF over a handful of others keeps the wrong terms and costs quality for good.
   */
  private void settle() {
    PostingLists settledPostings = new PostingLists();
    List<int[]> released = new ArrayList<>();
    for (int slot = 0; slot < slotLimit; slot++) {
      if (kept[slot] == null) {
        continue;
      }
      int[] terms = kept[slot].terms();
      float[] logTf = new float[terms.length];
      double[] idf = new double[terms.length];
      for (int i = 0; i < terms.length; i++) {
        logTf[i] = postings.weight(terms[i], slot);
        idf[i] = documentFrequencies.idf(dictionary.term(terms[i]));
      }
      int[] chosen = new WeightedTerms(logTf, idf).strongest(termsPerExample);
      int[] ids = new int[chosen.length];
      for (int i = 0; i < chosen.length; i++) {
        ids[i] = terms[chosen[i]];
        settledPostings.add(ids[i], slot, logTf[chosen[i]]);
      }
      kept[slot] = new Kept(kept[slot].title(), kept[slot].skills(), ids);
      released.add(WeightedTerms.others(terms, chosen));
    }
    released.forEach(terms -> Arrays.stream(terms).forEach(dictionary::release));
    postings = settledPostings;
    settled = true;
  }

  private void recomputeNorms() {
    Arrays.fill(norms, 0, slotLimit, 0);
    for (int term = 0; term < dictionary.idLimit(); term++) {
      int n = postings.size(term);
      if (n == 0) {
        continue;
      }
      double idf = documentFrequencies.idf(dictionary.term(term));
      int[] termSlots = postings.slots(term);
      float[] termWeights = postings.weights(term);
      for (int i = 0; i < n; i++) {
        double w = idf * termWeights[i];
        norms[termSlots[i]] += w * w;
      }
    }
    for (int slot = 0; slot < slotLimit; slot++) {
      norms[slot] = Math.sqrt(norms[slot]);
    }
    normsStale = false;
  }

  private int allocate() {
    if (freeSlotCount > 0) {
      return freeSlots[--freeSlotCount];
    }
    if (slotLimit == kept.length) {
      kept = Arrays.copyOf(kept, slotLimit * 2);
      norms = Arrays.copyOf(norms, slotLimit * 2);
    }
    return slotLimit++;
  }

  private void release(int slot) {
    for (int term : kept[slot].terms()) {
      postings.remove(term, slot);
      dictionary.release(term);
    }
    kept[slot] = null;
    norms[slot] = 0;
    if (freeSlotCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeSlotCount * 2);
    }
    freeSlots[freeSlotCount++] = slot;
  }
}
