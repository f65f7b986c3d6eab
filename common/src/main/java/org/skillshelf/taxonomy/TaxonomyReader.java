package org.skillshelf.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the text of a taxonomy file into skills, checking the shape of each entry. Rules that
 * span skills (duplicates, parents) are {@link TaxonomyRules}' job.
 */
final class TaxonomyReader {
  private final ObjectMapper mapper;
  private final String source;
  private final List<String> warnings = new ArrayList<>();

  TaxonomyReader(ObjectMapper mapper, String source) {
    this.mapper = mapper;
    this.source = source;
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  JsonNode tree(String text) throws InvalidTaxonomyException {
    try {
      JsonNode root = mapper.readTree(text);
      if (root == null || !root.isObject()) {
        throw fail("the file must hold one object with a \"skills\" list");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InvalidTaxonomyException(
          "Taxonomy " + source + " is not well-formed: " + e.getOriginalMessage(), e);
    }
  }

  String name(JsonNode root) {
    JsonNode name = root.get("name");
    return name != null && name.isTextual() && !name.asText().isBlank() ? name.asText() : source;
  }

  List<Skill> skills(JsonNode root) throws InvalidTaxonomyException {
    JsonNode list = root.get("skills");
    if (list == null || !list.isArray()) {
      throw fail("\"skills\" must be a list of skill objects");
    }
    if (list.isEmpty()) {
      throw fail("\"skills\" is empty; a taxonomy needs at least one skill");
    }
    List<Skill> skills = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      skills.add(skill(list.get(i), i + 1));
    }
    return skills;
  }

  private Skill skill(JsonNode node, int position) throws InvalidTaxonomyException {
    if (!node.isObject()) {
      throw fail("skill #" + position + " is not an object");
    }
    String id = text(node, "id");
    if (id == null || id.isBlank()) {
      String label = text(node, "label");
      throw fail(
          "skill #" + position + (label == null ? "" : " (label \"" + label + "\")")
              + " has no \"id\"; every skill needs a unique id");
    }
    String label = text(node, "label");
    if (label == null || label.isBlank()) {
      throw fail("skill \"" + id + "\" has an empty \"label\"; give it a name people can read");
    }
    String description = text(node, "description");
    String parent = text(node, "parent");
    return new Skill(
        id.strip(),
        label.strip(),
        description == null ? "" : description.strip(),
        strings(node, "synonyms", id),
        strings(node, "related", id),
        parent == null || parent.isBlank() ? null : parent.strip(),
        digcomp(node, id));
  }

  private List<String> digcomp(JsonNode node, String id) throws InvalidTaxonomyException {
    List<String> kept = new ArrayList<>();
    for (String code : strings(node, "digcomp", id)) {
      if (DigComp.isCompetence(code)) {
        kept.add(code);
      } else {
        warnings.add(
            "Taxonomy " + source + ": skill \"" + id + "\" maps to \"" + code
                + "\", which is not one of the 21 DigComp 2.2 competences (1.1 to 5.4); ignored");
      }
    }
    return kept;
  }

  /** A list of strings, also accepting one bare string (as GET /api/taxonomy shows digcomp). */
  private List<String> strings(JsonNode node, String field, String id)
      throws InvalidTaxonomyException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isValueNode()) {
      return value.asText().isBlank() ? List.of() : List.of(value.asText().strip());
    }
    if (!value.isArray()) {
      throw fail("skill \"" + id + "\": \"" + field + "\" must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isValueNode() || item.isNull()) {
        throw fail("skill \"" + id + "\": \"" + field + "\" must hold only strings");
      }
      if (!item.asText().isBlank()) {
        out.add(item.asText().strip());
      }
    }
    return out;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  private InvalidTaxonomyException fail(String problem) {
    return new InvalidTaxonomyException("Taxonomy " + source + " is invalid: " + problem);
  }
}
