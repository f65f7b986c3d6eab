package org.skillshelf.enrich.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.skillshelf.enrich.tagging.ApprovedExamples.Neighbour;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * Suggests which skills of a taxonomy a resource teaches, from two signals: what the taxonomy
 * says (its labels, synonyms and descriptions found in the resource) and what curators decided
 * (approved records the resource resembles). The more an approved record resembles the resource,
 * the more its skills count. Suggests nothing when nothing fits.
 *
 * <pre>{@code
 * SkillTagger tagger = new SkillTagger(Taxonomy.builtIn());
 * tagger.learn(id, new TaggingInput(title, description, text), Set.of("version-control"));
 * List<SkillSuggestion> skills = tagger.suggest(new TaggingInput(title2, null, text2));
 * }</pre>
 *
 * <p>Its learned state is only the approved examples, so it is rebuilt by replaying {@link
 * #learn} for every approved decision. That state is bounded: the 10,000 most recent approved
 * records by default (about 3.5 KB each), fewer with {@link #SkillTagger(Taxonomy, int)}. Thread-safe.
 */
public final class SkillTagger {
  private static final int EVIDENCE_PHRASES = 3;

  private final List<Skill> skills;
  private final Set<String> ids;
  private final Terms terms = new Terms();
  private final SkillPhrases phrases;
  private final ApprovedExamples examples;
  private final TaggerSettings settings;

  public SkillTagger(Taxonomy taxonomy) {
    this(taxonomy, TaggerSettings.defaults());
  }

  /**
   * A tagger that remembers at most {@code maxExamples} approved records, the most recently
   * learned; each costs about 3.5 KB of heap (see ApprovedExamples).
   */
  public SkillTagger(Taxonomy taxonomy, int maxExamples) {
    this(taxonomy, TaggerSettings.defaults().withMaxExamples(maxExamples));
  }

  /** A tagger with its weights replaced, for tuning with TaggingEvaluation. */
  static SkillTagger tuned(Taxonomy taxonomy, TaggerSettings settings) {
    return new SkillTagger(taxonomy, settings);
  }

  SkillTagger(Taxonomy taxonomy, TaggerSettings settings) {
    this.skills = taxonomy.skills();
    this.ids = skills.stream().map(Skill::id).collect(Collectors.toUnmodifiableSet());
    this.phrases = new SkillPhrases(skills, terms, settings);
    this.settings = settings;
    this.examples = new ApprovedExamples(settings.maxExamples(), settings.termsPerExample(), settings.wholeExamples());
  }

  /** The few skills (at most five) the resource most likely teaches, best first; empty if none fits. */
  public List<SkillSuggestion> suggest(TaggingInput input) {
    Ranking ranking = rank(input);
    double top = ranking.candidates().isEmpty() ? 0 : ranking.candidates().getFirst().rank();
    return ranking.candidates().stream()
        .filter(c -> c.rank() > 0 && c.rank() >= settings.relativeCut() * top && c.score() >= settings.minScore())
        .limit(settings.maxSuggestions())
        .map(c -> suggestion(c, ranking))
        .toList();
  }

  /** Every skill with a score above zero, best first, without the cut that suggest() applies (for evaluation). */
  List<SkillSuggestion> ranked(TaggingInput input, int limit) {
    Ranking ranking = rank(input);
    return ranking.candidates().stream()
        .filter(c -> c.score() > 0)
        .limit(limit)
        .map(c -> suggestion(c, ranking))
        .toList();
  }

  private Ranking rank(TaggingInput input) {
    Objects.requireNonNull(input, "input");
    AnalysedInput analysed = AnalysedInput.of(input, terms);
    TaxonomyMatch match = TaxonomyMatch.of(analysed, phrases, settings);
    List<Neighbour> neighbours =
        examples.nearest(analysed.frequencies(), settings.neighbours(), settings.minSimilarity());
    double trust = trust(neighbours);
    double best = match.best();
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < skills.size(); i++) {
      double raw = match.score(i);
      double cold = raw / (raw + settings.scale());
      double relative = best == 0 ? 0 : raw / best;
      double learned = vote(skills.get(i).id(), neighbours);
      candidates.add(new Candidate(i, (1 - trust) * relative + trust * learned,
          (1 - trust) * cold + trust * learned, cold, learned));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::rank).reversed());
    return new Ranking(candidates, match, neighbours);
  }

  /**
   * Remembers a curator-approved record and its skills. Learning the same resource again replaces
   * what was learned before; skills the taxonomy does not know are ignored.
   */
  public void learn(String resourceId, TaggingInput input, Set<String> approvedSkills) {
    Objects.requireNonNull(resourceId, "resourceId");
    Set<String> known = new LinkedHashSet<>();
    approvedSkills.stream().filter(ids::contains).forEach(known::add);
    if (known.isEmpty()) {
      examples.forget(resourceId);
      return;
    }
    AnalysedInput analysed = AnalysedInput.of(input, terms);
    examples.learn(resourceId,
        new ApprovedExamples.Example(input.title(), analysed.frequencies(), Set.copyOf(known)));
  }

  /** Forgets a record learned before (it was withdrawn or its approval revised); unknown ids are ignored. */
  public void forget(String resourceId) {
    examples.forget(resourceId);
  }

  /** How many approved records the tagger has learned from and still remembers. */
  public int examples() {
    return examples.size();
  }

  private double trust(List<Neighbour> neighbours) {
    if (neighbours.isEmpty()) {
      return 0;
    }
    double closest = neighbours.getFirst().similarity();
    return settings.maxExampleWeight() * Math.min(1.0, closest / settings.fullTrustSimilarity());
  }

  /** The share of the neighbours' weight that approved the skill; nearer records weigh much more. */
  private double vote(String skill, List<Neighbour> neighbours) {
    double agree = 0;
    double total = 0;
    for (Neighbour n : neighbours) {
      double weight = Math.pow(n.similarity(), settings.similarityPower());
      total += weight;
      if (n.skills().contains(skill)) {
        agree += weight;
      }
    }
    return total == 0 ? 0 : agree / total;
  }

  private SkillSuggestion suggestion(Candidate c, Ranking ranking) {
    Skill skill = skills.get(c.skill());
    List<String> evidence = new ArrayList<>();
    if (c.cold() > 0) {
      evidence.addAll(ranking.match().evidence(c.skill(), EVIDENCE_PHRASES));
    }
    if (c.learned() > 0) {
      ranking.neighbours().stream().filter(n -> n.skills().contains(skill.id())).findFirst()
          .ifPresent(n -> evidence.add("resembles " + (n.title().isBlank() ? "an approved record" : n.title())));
    }
    double score = Math.round(Math.min(1.0, c.score()) * 1000) / 1000.0;
    return new SkillSuggestion(skill.id(), skill.label(), score, evidence);
  }

  /**
   * One skill's standing: {@code rank} orders skills and decides the cut relative to the best
   * (the taxonomy's raw score relative to the best skill's); {@code score} is the absolute
   * confidence reported and used to abstain.
   */
  private record Candidate(int skill, double rank, double score, double cold, double learned) {}

  private record Ranking(List<Candidate> candidates, TaxonomyMatch match, List<Neighbour> neighbours) {}
}
