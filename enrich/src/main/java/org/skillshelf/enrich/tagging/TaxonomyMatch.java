package org.skillshelf.enrich.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skillshelf.enrich.tagging.SkillPhrases.Phrase;

/**
 * What the taxonomy alone says about one resource: for each skill a raw score from its phrases
 * found in the title, description and text (a title mention counts most, repetition in the text
 * saturates) plus the likeness of the resource's words to the skill's description, and the phrases
 * that matched as evidence. A skill that is never named and only shares a word or two with its
 * description is discounted: one common word ("pattern") is no evidence of a skill. Broader skills
 * take part of their narrower skills' score.
 */
final class TaxonomyMatch {
  private final double[] scores;
  private final List<Map<String, Double>> evidence;

  private TaxonomyMatch(double[] scores, List<Map<String, Double>> evidence) {
    this.scores = scores;
    this.evidence = evidence;
  }

  static TaxonomyMatch of(AnalysedInput input, SkillPhrases phrases, TaggerSettings settings) {
    int n = phrases.skills().size();
    double[] scores = new double[n];
    List<Map<String, Double>> evidence = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      evidence.add(new HashMap<>());
    }
    Map<Phrase, int[]> counts = new LinkedHashMap<>();
    count(input.title(), 0, phrases, counts);
    count(input.description(), 1, phrases, counts);
    count(input.text(), 2, phrases, counts);
    double lengthNorm = settings.textSaturation() * (0.4 + 0.6 * input.text().size() / settings.referenceLength());
    boolean[] named = new boolean[n];
    int[] distinct = new int[n];
    counts.forEach((phrase, c) -> {
      named[phrase.skill()] |= phrase.named();
      distinct[phrase.skill()]++;
      double fields = settings.titleWeight() * Math.min(1, c[0])
          + settings.descriptionWeight() * Math.min(1, c[1])
          + settings.textWeight() * c[2] / (c[2] + lengthNorm);
      double gain = phrase.weight() * fields;
      scores[phrase.skill()] += gain;
      evidence.get(phrase.skill()).merge(phrase.surface(), gain, Double::sum);
    });
    Map<String, Double> vector = input.vector(phrases);
    double norm = AnalysedInput.norm(vector);
    for (int i = 0; i < n && norm > 0; i++) {
      scores[i] += settings.descriptionLikeness() * cosine(vector, norm, phrases, i);
    }
    for (int i = 0; i < n; i++) {
      if (!named[i] && distinct[i] < settings.minDescriptionWords()) {
        scores[i] *= settings.unnamedFactor();
      }
    }
    return new TaxonomyMatch(ParentShare.apply(scores, phrases.skills(), settings.parentShare()), evidence);
  }

  double best() {
    double best = 0;
    for (double s : scores) {
      best = Math.max(best, s);
    }
    return best;
  }

  double score(int skill) {
    return scores[skill];
  }

  /** The phrases that matched for a skill, the strongest first. */
  List<String> evidence(int skill, int limit) {
    return evidence.get(skill).entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static void count(List<String> terms, int field, SkillPhrases phrases, Map<Phrase, int[]> counts) {
    for (int at = 0; at < terms.size(); at++) {
      for (Phrase phrase : phrases.startingWith(terms.get(at))) {
        if (matchesAt(terms, at, phrase.terms())) {
          counts.computeIfAbsent(phrase, p -> new int[3])[field]++;
        }
      }
    }
  }

  private static boolean matchesAt(List<String> terms, int at, List<String> phrase) {
    if (at + phrase.size() > terms.size()) {
      return false;
    }
    for (int k = 1; k < phrase.size(); k++) {
      if (!terms.get(at + k).equals(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static double cosine(Map<String, Double> vector, double norm, SkillPhrases phrases, int skill) {
    Map<String, Double> description = phrases.description(skill);
    // A description has a few dozen terms, a page's vector thousands: walk the shorter one.
    Map<String, Double> shorter = description.size() <= vector.size() ? description : vector;
    Map<String, Double> longer = shorter == description ? vector : description;
    double dot = 0;
    for (Map.Entry<String, Double> e : shorter.entrySet()) {
      Double w = longer.get(e.getKey());
      if (w != null) {
        dot += w * e.getValue();
      }
    }
    double denominator = norm * phrases.descriptionNorm(skill);
    return denominator == 0 ? 0 : dot / denominator;
  }
}
