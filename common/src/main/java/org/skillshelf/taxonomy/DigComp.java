package org.skillshelf.taxonomy;

import java.util.Set;
import java.util.regex.Pattern;

/** The 21 competence numbers of the DigComp 2.2 framework, against which mappings are checked. */
final class DigComp {
  private static final Pattern CODE = Pattern.compile("[1-5]\\.[1-9]");
  private static final Set<String> COMPETENCES =
      Set.of(
          "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3", "3.4",
          "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4");

  private DigComp() {}

  static boolean isCompetence(String code) {
    return CODE.matcher(code).matches() && COMPETENCES.contains(code);
  }
}
