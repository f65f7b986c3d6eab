package org.skillshelf.publish.web;

import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.skillshelf.publish.site.TaxonomyPage;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.WebModule;

/** The skills this catalogue organises by, as {@code GET /api/taxonomy} and the {@code /taxonomy} page. */
public final class TaxonomyRoutes implements WebModule {
  private final Taxonomy taxonomy;

  public TaxonomyRoutes(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * One skill as the contract shows it: {@code digcomp} is the main DigComp competence, {@code
   * competences} all of them.
   */
  record SkillView(String id, String label, String description, @Nullable String digcomp, List<String> competences,
      List<String> synonyms, @Nullable String parent) {
    static SkillView of(Skill s) {
      return new SkillView(s.id(), s.label(), s.description(), s.digcomp().isEmpty() ? null : s.digcomp().getFirst(),
          s.digcomp(), s.synonyms(), s.parent());
    }
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/taxonomy", ctx -> ctx.json(Map.of("name", taxonomy.name(),
        "skills", taxonomy.skills().stream().map(SkillView::of).toList())));
    config.routes.get("/taxonomy", ctx -> TaxonomyPage.render(ctx, taxonomy));
  }
}
