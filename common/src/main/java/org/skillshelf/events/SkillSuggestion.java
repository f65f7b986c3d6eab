package org.skillshelf.events;

import java.util.List;

/**
 * A skill the tagger thinks a resource teaches, with a score in [0,1] and the evidence for it (the
 * phrases that matched, or the approved records it resembles).
 */
public record SkillSuggestion(String id, String label, double score, List<String> evidence) {
  public SkillSuggestion {
    evidence = List.copyOf(evidence);
  }
}
