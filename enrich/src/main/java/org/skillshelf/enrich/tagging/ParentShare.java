package org.skillshelf.enrich.tagging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skillshelf.taxonomy.Skill;

/**
 * Lets a broader skill share in the score of its strongest narrower skill: a lesson on pandas
 * teaches Python and thereby programming, even when it never says "programming".
 */
final class ParentShare {
  private ParentShare() {}

  static double[] apply(double[] own, List<Skill> skills, double share) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < skills.size(); i++) {
      index.put(skills.get(i).id(), i);
    }
    double[] best = new double[own.length];
    for (int i = 0; i < skills.size(); i++) {
      String parent = skills.get(i).parent();
      if (parent != null) {
        int p = index.get(parent);
        best[p] = Math.max(best[p], own[i]);
      }
    }
    double[] result = own.clone();
    for (int i = 0; i < result.length; i++) {
      result[i] += share * best[i];
    }
    return result;
  }
}
