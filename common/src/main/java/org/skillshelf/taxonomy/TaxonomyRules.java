package org.skillshelf.taxonomy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules that span skills: ids are unique, parents exist, and no skill is its own ancestor. */
final class TaxonomyRules {
  private TaxonomyRules() {}

  static Map<String, Skill> check(List<Skill> skills, String source)
      throws InvalidTaxonomyException {
    Map<String, Skill> byId = new HashMap<>();
    for (Skill skill : skills) {
      if (byId.putIfAbsent(skill.id(), skill) != null) {
        throw fail(source, "skill id \"" + skill.id() + "\" is used by more than one skill; ids must be unique");
      }
    }
    for (Skill skill : skills) {
      String parent = skill.parent();
      if (parent != null && !byId.containsKey(parent)) {
        throw fail(source, "skill \"" + skill.id() + "\" names parent \"" + parent
            + "\", but no skill has that id");
      }
    }
    for (Skill skill : skills) {
      checkNoCycle(skill, byId, source);
    }
    return byId;
  }

  private static void checkNoCycle(Skill start, Map<String, Skill> byId, String source)
      throws InvalidTaxonomyException {
    Set<String> seen = new HashSet<>();
    String current = start.id();
    while (current != null) {
      if (!seen.add(current)) {
        throw fail(source, "skill \"" + start.id() + "\" is its own ancestor (parents form a loop through \""
            + current + "\")");
      }
      current = byId.get(current).parent();
    }
  }

  private static InvalidTaxonomyException fail(String source, String problem) {
    return new InvalidTaxonomyException("Taxonomy " + source + " is invalid: " + problem);
  }
}
