package org.skillshelf.enrich.tagging;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accumulates tagging quality the way the corpus README defines it: per item precision (right
 * suggestions over suggestions; 0 when nothing is suggested) and recall (right suggestions over
 * true skills), averaged over items, F1 from the averages; plus counts per skill.
 */
final class EvaluationScore {
  private double precision;
  private double recall;
  private int items;
  private final Map<String, int[]> perSkill = new TreeMap<>();

  void add(List<String> suggested, Set<String> truth) {
    long right = suggested.stream().filter(truth::contains).count();
    precision += suggested.isEmpty() ? 0 : (double) right / suggested.size();
    recall += truth.isEmpty() ? 1 : (double) right / truth.size();
    items++;
    for (String s : suggested) {
      perSkill.computeIfAbsent(s, k -> new int[3])[truth.contains(s) ? 0 : 1]++;
    }
    for (String t : truth) {
      if (!suggested.contains(t)) {
        perSkill.computeIfAbsent(t, k -> new int[3])[2]++;
      }
    }
  }

  double precision() {
    return items == 0 ? 0 : precision / items;
  }

  double recall() {
    return items == 0 ? 0 : recall / items;
  }

  double f1() {
    return f1(precision(), recall());
  }

  String summary() {
    return String.format(Locale.ROOT, "F1 %.3f  (P %.3f, R %.3f, %d items)", f1(), precision(), recall(), items);
  }

  String perSkillTable() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "    %-28s %4s %4s %4s %6s %6s %6s%n",
        "skill", "tp", "fp", "fn", "P", "R", "F1"));
    perSkill.forEach((skill, c) -> {
      double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      out.append(String.format(Locale.ROOT, "    %-28s %4d %4d %4d %6.3f %6.3f %6.3f%n",
          skill, c[0], c[1], c[2], p, r, f1(p, r)));
    });
    return out.toString();
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
