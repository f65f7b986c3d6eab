package org.skillshelf.enrich.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records curators approved, with the skills they approved, kept as term vectors so that a
 * new resource can be compared with them (k nearest neighbours by TF-IDF cosine). Learning the
 * same resource again replaces it. Thread-safe: writers only touch a concurrent map; readers use an
 * immutable index that is rebuilt lazily after a change.
 */
final class ApprovedExamples {
  /** An approved record as remembered. */
  record Example(String title, Map<String, Integer> frequencies, Set<String> skills) {}

  /** An approved record that resembles the resource being tagged. */
  record Neighbour(String title, Set<String> skills, double similarity) {}

  private final Map<String, Example> examples = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private volatile ExampleIndex index = ExampleIndex.build(List.of(), -1);

  void learn(String resourceId, Example example) {
    examples.put(resourceId, example);
    version.incrementAndGet();
  }

  void forget(String resourceId) {
    if (examples.remove(resourceId) != null) {
      version.incrementAndGet();
    }
  }

  int size() {
    return examples.size();
  }

  List<Neighbour> nearest(Map<String, Integer> frequencies, int k, double minSimilarity) {
    return current().nearest(frequencies, k, minSimilarity);
  }

  private ExampleIndex current() {
    ExampleIndex snapshot = index;
    long wanted = version.get();
    if (snapshot.version() == wanted) {
      return snapshot;
    }
    synchronized (this) {
      if (index.version() != version.get()) {
        long building = version.get();
        index = ExampleIndex.build(new ArrayList<>(examples.values()), building);
      }
      return index;
    }
  }

  /** An immutable inverted index over the examples at one version. */
  private record ExampleIndex(long version, List<Example> examples, Map<String, Double> idf,
      Map<String, List<Posting>> postings) {

    record Posting(int example, double weight) {}

    static ExampleIndex build(List<Example> examples, long version) {
      Map<String, Integer> df = new HashMap<>();
      examples.forEach(e -> e.frequencies().keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
      Map<String, Double> idf = new HashMap<>();
      df.forEach((t, n) -> idf.put(t, Math.log(1.0 + (double) examples.size() / n)));
      Map<String, List<Posting>> postings = new HashMap<>();
      for (int i = 0; i < examples.size(); i++) {
        Map<String, Double> vector = unit(examples.get(i).frequencies(), idf);
        int example = i;
        vector.forEach((t, w) -> postings.computeIfAbsent(t, x -> new ArrayList<>()).add(new Posting(example, w)));
      }
      return new ExampleIndex(version, List.copyOf(examples), idf, postings);
    }

    List<Neighbour> nearest(Map<String, Integer> frequencies, int k, double minSimilarity) {
      if (examples.isEmpty()) {
        return List.of();
      }
      double[] similarity = new double[examples.size()];
      unit(frequencies, idf).forEach((t, w) -> {
        for (Posting p : postings.getOrDefault(t, List.of())) {
          similarity[p.example()] += w * p.weight();
        }
      });
      List<Neighbour> found = new ArrayList<>();
      for (int i = 0; i < similarity.length; i++) {
        if (similarity[i] >= minSimilarity) {
          Example e = examples.get(i);
          found.add(new Neighbour(e.title(), e.skills(), Math.min(1.0, similarity[i])));
        }
      }
      found.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
      return List.copyOf(found.subList(0, Math.min(k, found.size())));
    }

    private static Map<String, Double> unit(Map<String, Integer> frequencies, Map<String, Double> idf) {
      Map<String, Double> vector = new HashMap<>();
      frequencies.forEach((t, tf) -> {
        Double w = idf.get(t);
        if (w != null && w > 0) {
          vector.put(t, (1 + Math.log(tf)) * w);
        }
      });
      double norm = AnalysedInput.norm(vector);
      if (norm > 0) {
        vector.replaceAll((t, w) -> w / norm);
      }
      return vector;
    }
  }
}
