package org.skillshelf.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable, validated vocabulary of skills: the built-in one or one read from a file.
 *
 * <pre>{@code
 * Taxonomy taxonomy = Taxonomy.load(Path.of("skills.json"));
 * taxonomy.skill("version-control").map(Skill::label);
 * }</pre>
 *
 * <p>Loading stops with an {@link InvalidTaxonomyException} on a missing or duplicate id, an empty
 * label, a parent that names no skill or a loop of parents. A DigComp code outside the 21
 * competences of DigComp 2.2 is only a warning: it is logged, listed in {@link #warnings()} and
 * dropped, because a skill without a DigComp mapping is still a usable skill.
 */
public final class Taxonomy {
  private static final Logger LOG = LoggerFactory.getLogger(Taxonomy.class);
  private static final String BUILT_IN = "/taxonomy/skillshelf-taxonomy.json";

  private final String name;
  private final List<Skill> skills;
  private final Map<String, Skill> byId;
  private final List<String> warnings;

  private Taxonomy(String name, List<Skill> skills, Map<String, Skill> byId, List<String> warnings) {
    this.name = name;
    this.skills = List.copyOf(skills);
    this.byId = Map.copyOf(byId);
    this.warnings = List.copyOf(warnings);
  }

  /** The taxonomy shipped with Skillshelf: DigComp 2.2 plus library and information skills. */
  public static Taxonomy builtIn() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("the built-in taxonomy " + BUILT_IN + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in taxonomy");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidTaxonomyException e) {
      throw new IllegalStateException("the built-in taxonomy is broken: " + e.getMessage(), e);
    }
  }

  /** Reads a taxonomy file: JSON, or YAML when the name ends in .yaml or .yml. */
  public static Taxonomy load(Path file) throws InvalidTaxonomyException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidTaxonomyException("Taxonomy file " + file + " cannot be read: " + e, e);
    }
    String fileName = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = fileName.endsWith(".yaml") || fileName.endsWith(".yml");
    return parse(text, file.toString(), yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper());
  }

  /** Parses taxonomy JSON; {@code sourceName} is how error messages refer to it. */
  public static Taxonomy parse(String json, String sourceName) throws InvalidTaxonomyException {
    return parse(json, sourceName, new ObjectMapper());
  }

  private static Taxonomy parse(String text, String source, ObjectMapper mapper)
      throws InvalidTaxonomyException {
    TaxonomyReader reader = new TaxonomyReader(mapper, source);
    JsonNode root = reader.tree(text);
    List<Skill> skills = reader.skills(root);
    Map<String, Skill> byId = TaxonomyRules.check(skills, source);
    reader.warnings().forEach(LOG::warn);
    return new Taxonomy(reader.name(root), skills, byId, reader.warnings());
  }

  public String name() {
    return name;
  }

  /** All skills in file order. */
  public List<Skill> skills() {
    return skills;
  }

  public Optional<Skill> skill(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** Problems that did not stop loading (such as DigComp codes that were dropped). */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "Taxonomy[" + name + ", " + skills.size() + " skills]";
  }
}
