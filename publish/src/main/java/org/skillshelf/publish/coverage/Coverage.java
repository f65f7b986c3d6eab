package org.skillshelf.publish.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * How well the published catalogue covers the taxonomy: for each DigComp competence and each library
 * skill, how many resources teach it, split by type and by level. A resource teaches a competence
 * when one of its skills maps to it. A count of zero is a gap; below {@code low} it is thin.
 *
 * <pre>{@code
 * Coverage c = Coverage.of(index.byUpdate(), taxonomy, code -> code, List.of("beginner", "advanced"), 3);
 * c.competences().getFirst().total();
 * }</pre>
 *
 * @param resources how many published resources were counted
 * @param types every resource type seen, sorted ({@value #UNSET} for none)
 * @param levels the levels in their natural order, then {@value #UNSET}
 * @param low counts below this (but above zero) are flagged as thin
 */
public record Coverage(int resources, List<String> types, List<String> levels, int low, List<Row> competences,
    List<Row> skills) {
  public static final String UNSET = "unset";
  private static final String DIGCOMP_PREFIX = "digcomp-";

  /**
   * One competence or skill.
   *
   * @param state {@code GAP} (nothing teaches it), {@code THIN} (fewer than low) or {@code OK}
   */
  public record Row(String id, String label, int total, Map<String, Integer> byType, Map<String, Integer> byLevel, String state) {}

  /**
   * @param records the published records
   * @param competenceLabel the name to show for a competence code such as "3.4"
   * @param levels the levels curators assign, in order
   */
  public static Coverage of(Collection<CatalogueRecord> records, Taxonomy taxonomy, Function<String, String> competenceLabel,
      List<String> levels, int low) {
    Set<String> types = new TreeSet<>();
    records.forEach(r -> types.add(orUnset(r.type())));
    List<String> allLevels = new ArrayList<>(levels);
    allLevels.add(UNSET);
    Set<String> codes = new TreeSet<>();
    taxonomy.skills().forEach(s -> codes.addAll(s.digcomp()));
    List<Row> competences = codes.stream().map(code -> row(code, competenceLabel.apply(code),
        records.stream().filter(r -> competencesOf(r, taxonomy).contains(code)).toList(), allLevels, low)).toList();
    List<Row> skills = taxonomy.skills().stream().filter(s -> !s.id().startsWith(DIGCOMP_PREFIX))
        .map(s -> row(s.id(), s.label(), records.stream().filter(r -> r.skills().contains(s.id())).toList(), allLevels, low))
        .toList();
    return new Coverage(records.size(), List.copyOf(types), List.copyOf(allLevels), low, competences, skills);
  }

  private static Set<String> competencesOf(CatalogueRecord record, Taxonomy taxonomy) {
    Set<String> codes = new LinkedHashSet<>();
    for (String id : record.skills()) {
      taxonomy.skill(id).map(Skill::digcomp).ifPresent(codes::addAll);
    }
    return codes;
  }

  private static Row row(String id, String label, List<CatalogueRecord> teaching, List<String> levels, int low) {
    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> byLevel = new TreeMap<>();
    for (CatalogueRecord r : teaching) {
      byType.merge(orUnset(r.type()), 1, Integer::sum);
      String level = orUnset(r.level());
      byLevel.merge(levels.contains(level) ? level : UNSET, 1, Integer::sum);
    }
    int total = teaching.size();
    String state = total == 0 ? "GAP" : total < low ? "THIN" : "OK";
    return new Row(id, label, total, byType, byLevel, state);
  }

  private static String orUnset(@Nullable String value) {
    return value == null || value.isBlank() ? UNSET : value;
  }
}
