package org.skillshelf.publish.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names of DigComp 2.2's five competence areas and 21 competences, so pages can say "3.4
 * Programming" rather than "3.4".
 */
public final class DigCompFramework {
  /** Area numbers in order. */
  static final List<String> AREAS = List.of("1", "2", "3", "4", "5");

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("1", "Information and data literacy"),
      Map.entry("2", "Communication and collaboration"),
      Map.entry("3", "Digital content creation"),
      Map.entry("4", "Safety"),
      Map.entry("5", "Problem solving"),
      Map.entry("1.1", "Browsing, searching and filtering data, information and digital content"),
      Map.entry("1.2", "Evaluating data, information and digital content"),
      Map.entry("1.3", "Managing data, information and digital content"),
      Map.entry("2.1", "Interacting through digital technologies"),
      Map.entry("2.2", "Sharing through digital technologies"),
      Map.entry("2.3", "Engaging in citizenship through digital technologies"),
      Map.entry("2.4", "Collaborating through digital technologies"),
      Map.entry("2.5", "Netiquette"),
      Map.entry("2.6", "Managing digital identity"),
      Map.entry("3.1", "Developing digital content"),
      Map.entry("3.2", "Integrating and re-elaborating digital content"),
      Map.entry("3.3", "Copyright and licences"),
      Map.entry("3.4", "Programming"),
      Map.entry("4.1", "Protecting devices"),
      Map.entry("4.2", "Protecting personal data and privacy"),
      Map.entry("4.3", "Protecting health and well-being"),
      Map.entry("4.4", "Protecting the environment"),
      Map.entry("5.1", "Solving technical problems"),
      Map.entry("5.2", "Identifying needs and technological responses"),
      Map.entry("5.3", "Creatively using digital technologies"),
      Map.entry("5.4", "Identifying digital competence gaps"));

  private DigCompFramework() {}

  /** The name of an area ("3") or competence ("3.4"). */
  static Optional<String> name(String code) {
    return Optional.ofNullable(NAMES.get(code));
  }

  /** "3.4 Programming", or the code alone when it is not one of DigComp's. */
  public static String label(String code) {
    return name(code).map(n -> code + " " + n).orElse(code);
  }
}
