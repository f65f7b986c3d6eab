package org.skillshelf.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

  private static final String GIT =
      """
      {"id": "version-control", "label": "Version control", "description": "Tracking changes.",
       "synonyms": ["git", "github"], "parent": null, "digcomp": ["2.4", "3.1"]}""";

  private static String taxonomy(String... skills) {
    return "{\"name\": \"test\", \"skills\": [" + String.join(",", skills) + "]}";
  }

  @Test
  void readsSkillsWithAllTheirFields() throws Exception {
    Taxonomy taxonomy = Taxonomy.parse(taxonomy(GIT), "test.json");

    Skill skill = taxonomy.skill("version-control").orElseThrow();
    assertThat(taxonomy.name()).isEqualTo("test");
    assertThat(skill.label()).isEqualTo("Version control");
    assertThat(skill.synonyms()).containsExactly("git", "github");
    assertThat(skill.parent()).isNull();
    assertThat(skill.digcomp()).containsExactly("2.4", "3.1");
    assertThat(taxonomy.contains("version-control")).isTrue();
    assertThat(taxonomy.contains("cooking")).isFalse();
  }

  @Test
  void refusesDuplicateIdNamingIt() {
    assertThatThrownBy(() -> Taxonomy.parse(taxonomy(GIT, GIT), "dup.json"))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining("dup.json")
        .hasMessageContaining("\"version-control\"")
        .hasMessageContaining("more than one skill");
  }

  @Test
  void refusesParentThatNamesNoSkill() {
    String orphan = "{\"id\": \"python\", \"label\": \"Python\", \"parent\": \"programming\"}";

    assertThatThrownBy(() -> Taxonomy.parse(taxonomy(orphan), "t.json"))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining("skill \"python\" names parent \"programming\", but no skill has that id");
  }

  @Test
  void refusesSkillWithoutIdNamingItsPositionAndLabel() {
    String noId = "{\"label\": \"Python\"}";

    assertThatThrownBy(() -> Taxonomy.parse(taxonomy(GIT, noId), "t.json"))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining("skill #2 (label \"Python\") has no \"id\"");
  }

  @Test
  void refusesEmptyLabelNamingTheSkill() {
    String noLabel = "{\"id\": \"python\", \"label\": \"  \"}";

    assertThatThrownBy(() -> Taxonomy.parse(taxonomy(noLabel), "t.json"))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining("skill \"python\" has an empty \"label\"");
  }

  @Test
  void refusesParentsThatFormALoop() {
    String a = "{\"id\": \"a\", \"label\": \"A\", \"parent\": \"b\"}";
    String b = "{\"id\": \"b\", \"label\": \"B\", \"parent\": \"a\"}";

    assertThatThrownBy(() -> Taxonomy.parse(taxonomy(a, b), "t.json"))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining("its own ancestor");
  }

  @Test
  void refusesTextThatIsNotJson() {
    assertThatThrownBy(() -> Taxonomy.parse("{\"skills\": [", "broken.json"))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining("broken.json is not well-formed");
  }

  @Test
  void refusesDocumentWithoutSkillsList() {
    assertThatThrownBy(() -> Taxonomy.parse("{\"name\": \"x\"}", "t.json"))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining("\"skills\" must be a list");
  }

  @Test
  void dropsUnknownDigCompCodeWithAWarning() throws Exception {
    String odd = "{\"id\": \"x\", \"label\": \"X\", \"digcomp\": [\"3.4\", \"6.1\", \"programming\"]}";

    Taxonomy taxonomy = Taxonomy.parse(taxonomy(odd), "t.json");

    assertThat(taxonomy.skill("x").orElseThrow().digcomp()).containsExactly("3.4");
    assertThat(taxonomy.warnings()).hasSize(2).allMatch(w -> w.contains("skill \"x\""));
  }

  @Test
  void acceptsDigCompAsSingleStringAndIgnoresUnknownFields() throws Exception {
    String skill = "{\"id\": \"x\", \"label\": \"X\", \"digcomp\": \"1.3\", \"kind\": \"skill\", \"colour\": 3}";

    Taxonomy taxonomy = Taxonomy.parse(taxonomy(skill), "t.json");

    assertThat(taxonomy.skill("x").orElseThrow().digcomp()).containsExactly("1.3");
  }

  @Test
  void loadsYamlFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("skills.yaml");
    Files.writeString(file, "name: yaml test\nskills:\n  - id: git\n    label: Git\n    synonyms: [github]\n");

    Taxonomy taxonomy = Taxonomy.load(file);

    assertThat(taxonomy.skill("git").orElseThrow().synonyms()).containsExactly("github");
  }

  @Test
  void reportsUnreadableFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> Taxonomy.load(missing))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  void loadsTheDevelopmentCorpusTaxonomyFormat(@TempDir Path dir) throws IOException, InvalidTaxonomyException {
    Path file = dir.resolve("t.json");
    Files.writeString(file, taxonomy(GIT, "{\"id\": \"github-pages\", \"label\": \"GitHub Pages\", \"parent\": \"version-control\"}"));

    assertThat(Taxonomy.load(file).skills()).extracting(Skill::id).containsExactly("version-control", "github-pages");
  }
}
