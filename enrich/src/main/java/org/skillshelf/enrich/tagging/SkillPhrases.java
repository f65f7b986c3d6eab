package org.skillshelf.enrich.tagging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.skillshelf.taxonomy.Skill;

/**
 * The analysed form of a taxonomy: every label, synonym and related term of every skill as a
 * phrase of stemmed terms, weighted by how specific it is (a phrase that several skills share says
 * less about each), and each skill's description as a weighted bag of terms.
 */
final class SkillPhrases {
  private static final double LABEL = 1.0;
  private static final double SYNONYM = 1.0;

  /**
   * One phrase that signals one skill; {@code named} when it names the skill (label, synonym or
   * related term) rather than being a word of its description.
   */
  record Phrase(int skill, List<String> terms, String surface, double weight, boolean named) {}

  private final List<Skill> skills;
  private final Map<String, List<Phrase>> byFirstTerm;
  private final List<Map<String, Double>> descriptions;
  private final List<Double> descriptionNorms;
  private final Map<String, Double> idf;

  SkillPhrases(List<Skill> skills, Terms terms, TaggerSettings settings) {
    this.skills = List.copyOf(skills);
    List<List<String>> profiles = new ArrayList<>();
    for (Skill skill : skills) {
      profiles.add(terms.of(profileText(skill)));
    }
    this.byFirstTerm = phrases(skills, terms, profiles, settings);
    this.idf = Map.copyOf(termIdf(profiles));
    this.descriptions = new ArrayList<>();
    this.descriptionNorms = new ArrayList<>();
    for (List<String> profile : profiles) {
      Map<String, Double> vector = new HashMap<>();
      for (String term : profile) {
        vector.merge(term, 1.0, Double::sum);
      }
      vector.replaceAll((term, tf) -> (1 + Math.log(tf)) * idf.get(term));
      descriptions.add(Map.copyOf(vector));
      descriptionNorms.add(Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum()));
    }
  }

  List<Skill> skills() {
    return skills;
  }

  List<Phrase> startingWith(String term) {
    return byFirstTerm.getOrDefault(term, List.of());
  }

  Map<String, Double> description(int skill) {
    return descriptions.get(skill);
  }

  double descriptionNorm(int skill) {
    return descriptionNorms.get(skill);
  }

  private static String profileText(Skill skill) {
    return String.join(" . ", skill.label(), skill.description(), String.join(" . ", skill.synonyms()),
        String.join(" . ", skill.related()));
  }

  private static Map<String, List<Phrase>> phrases(List<Skill> skills, Terms terms, List<List<String>> profiles,
      TaggerSettings settings) {
    Map<String, List<Phrase>> byFirst = new HashMap<>();
    for (int index = 0; index < skills.size(); index++) {
      int i = index;
      Skill skill = skills.get(i);
      Map<List<String>, Phrase> own = new LinkedHashMap<>();
      addPhrase(own, new Phrase(i, List.of(), skill.label(), LABEL, true), terms, profiles);
      skill.synonyms().forEach(s -> addPhrase(own, new Phrase(i, List.of(), s, SYNONYM, true), terms, profiles));
      skill.related().forEach(
          s -> addPhrase(own, new Phrase(i, List.of(), s, settings.relatedWeight(), true), terms, profiles));
      for (String word : new LinkedHashSet<>(terms.of(skill.label() + " . " + skill.description()))) {
        addPhrase(own, new Phrase(i, List.of(), word, settings.descriptionTermWeight(), false), terms, profiles);
      }
      for (Phrase phrase : own.values()) {
        byFirst.computeIfAbsent(phrase.terms().getFirst(), k -> new ArrayList<>()).add(phrase);
      }
    }
    byFirst.replaceAll((k, v) -> List.copyOf(v));
    return byFirst;
  }

  /**
   * Adds a phrase (given with its surface text and the weight of its kind) after analysing it and
   * scaling its weight by its specificity, unless the skill already has it with at least this weight.
   */
  private static void addPhrase(Map<List<String>, Phrase> own, Phrase raw, Terms terms, List<List<String>> profiles) {
    List<String> phraseTerms = terms.of(raw.surface());
    if (phraseTerms.isEmpty()) {
      return;
    }
    double weight = raw.weight() * phraseIdf(phraseTerms, profiles);
    Phrase known = own.get(phraseTerms);
    if (known == null || known.weight() < weight) {
      own.put(phraseTerms, new Phrase(raw.skill(), List.copyOf(phraseTerms), raw.surface(), weight, raw.named()));
    }
  }

  /** Specificity of a phrase: how few skill profiles mention it, scaled to (0,1]. */
  private static double phraseIdf(List<String> phrase, List<List<String>> profiles) {
    int containing = 0;
    for (List<String> profile : profiles) {
      if (Collections.indexOfSubList(profile, phrase) >= 0) {
        containing++;
      }
    }
    int n = profiles.size();
    return Math.log(1.0 + (double) n / Math.max(1, containing)) / Math.log(1.0 + n);
  }

  private static Map<String, Double> termIdf(List<List<String>> profiles) {
    Map<String, Integer> df = new HashMap<>();
    for (List<String> profile : profiles) {
      for (String term : new HashSet<>(profile)) {
        df.merge(term, 1, Integer::sum);
      }
    }
    Map<String, Double> idf = new HashMap<>();
    int n = profiles.size();
    df.forEach((term, count) -> idf.put(term, Math.log(1.0 + (double) n / count)));
    return idf;
  }

  /** How specific a term is across the skills' profiles; 0 for a term no skill uses. */
  double idf(String term) {
    return idf.getOrDefault(term, 0.0);
  }
}
