package org.skillshelf.publish.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Coverage.Tally tally = new Coverage.Tally(taxonomy, code -> code, List.of("beginner", "advanced"), 3);
 * index.forEachRecord(tally::add);
 * tally.coverage().competences().getFirst().total();
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
  public static Coverage of(Iterable<CatalogueRecord> records, Taxonomy taxonomy, Function<String, String> competenceLabel,
      List<String> levels, int low) {
    Tally tally = new Tally(taxonomy, competenceLabel, levels, low);
    records.forEach(tally::add);
    return tally.coverage();
  }

  /**
   * Counts records one at a time, so that the coverage of a large catalogue is had in one pass
   * without holding its records. For one pass on one thread: not thread-safe.
   */
  public static final class Tally {
    private final Taxonomy taxonomy;
    private final Function<String, String> competenceLabel;
    private final List<String> levels;
    private final int low;
    private final Set<String> types = new TreeSet<>();
    private final Map<String, Counts> competences = new TreeMap<>();
    private final Map<String, Counts> skills = new LinkedHashMap<>();
    private int resources;

    /**
     * @param competenceLabel the name to show for a competence code such as "3.4"
     * @param levels the levels curators assign, in order
     */
    public Tally(Taxonomy taxonomy, Function<String, String> competenceLabel, List<String> levels, int low) {
      this.taxonomy = taxonomy;
      this.competenceLabel = competenceLabel;
      this.levels = new ArrayList<>(levels);
      this.levels.add(UNSET);
      this.low = low;
      taxonomy.skills().forEach(skill -> skill.digcomp().forEach(code -> competences.put(code, new Counts())));
      taxonomy.skills().stream().filter(skill -> !skill.id().startsWith(DIGCOMP_PREFIX))
          .forEach(skill -> skills.put(skill.id(), new Counts()));
    }

    public void add(CatalogueRecord record) {
      resources++;
      String type = orUnset(record.type());
      String level = orUnset(record.level());
      String counted = levels.contains(level) ? level : UNSET;
      types.add(type);
      Set<String> codes = new LinkedHashSet<>();
      for (String id : new LinkedHashSet<>(record.skills())) {
        Counts teaching = skills.get(id);
        if (teaching != null) {
          teaching.add(type, counted);
        }
        taxonomy.skill(id).map(Skill::digcomp).ifPresent(codes::addAll);
      }
      codes.forEach(code -> competences.get(code).add(type, counted));
    }

    public Coverage coverage() {
      List<Row> competenceRows = competences.entrySet().stream()
          .map(e -> e.getValue().row(e.getKey(), competenceLabel.apply(e.getKey()), low)).toList();
      List<Row> skillRows = skills.entrySet().stream()
          .map(e -> e.getValue().row(e.getKey(), taxonomy.skill(e.getKey()).orElseThrow().label(), low)).toList();
      return new Coverage(resources, List.copyOf(types), List.copyOf(levels), low, competenceRows, skillRows);
    }
  }

  /** The resources that teach one competence or skill, by type and by level. */
  private static final class Counts {
    private final Map<String, Integer> byType = new TreeMap<>();
    private final Map<String, Integer> byLevel = new TreeMap<>();
    private int total;

    void add(String type, String level) {
      total++;
      byType.merge(type, 1, Integer::sum);
      byLevel.merge(level, 1, Integer::sum);
    }

    Row row(String id, String label, int low) {
      String state = total == 0 ? "GAP" : total < low ? "THIN" : "OK";
      return new Row(id, label, total, new TreeMap<>(byType), new TreeMap<>(byLevel), state);
    }
  }

  private static String orUnset(@Nullable String value) {
    return value == null || value.isBlank() ? UNSET : value;
  }
}
