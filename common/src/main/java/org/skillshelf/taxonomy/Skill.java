package org.skillshelf.taxonomy;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One skill of a taxonomy: what a learning resource can teach.
 *
 * @param id stable identifier, used in events, URLs and the API
 * @param label the name a person reads
 * @param description a sentence or two on what the skill covers
 * @param synonyms other names and literal terms that signal the skill (tools, acronyms)
 * @param related looser terms that hint at the skill without naming it
 * @param parent the id of the broader skill, absent for a top-level one
 * @param digcomp the DigComp 2.2 competences ("x.y") the skill belongs to
 */
public record Skill(
    String id,
    String label,
    String description,
    List<String> synonyms,
    List<String> related,
    @Nullable String parent,
    List<String> digcomp) {

  public Skill {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(description, "description");
    synonyms = List.copyOf(synonyms);
    related = List.copyOf(related);
    digcomp = List.copyOf(digcomp);
  }
}
