package org.skillshelf.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.skillshelf.taxonomy.Taxonomy;

class TaxonomyPageTest {
  @Test
  void listsEverySkillUnderItsAreaWithItsDigCompCompetencesAndEscapesWhatTheFileSays() throws Exception {
    Taxonomy taxonomy = Taxonomy.parse("""
        {"name": "Test <skills>", "skills": [
          {"id": "area", "label": "An area", "description": "Top.", "digcomp": []},
          {"id": "git", "label": "Version <b>control</b>", "description": "Tracking changes.", "synonyms": ["git"], "parent": "area", "digcomp": ["3.4"]}
        ]}""", "test");
    Javalin server = Javalin.create(c -> c.routes.get("/taxonomy", ctx -> TaxonomyPage.render(ctx, taxonomy))).start("127.0.0.1", 0);
    try {
      String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/taxonomy")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(page).contains("<h2 id=\"area\">An area</h2>", "/search?skill=git", "Version &lt;b&gt;control&lt;/b&gt;",
          "3.4 Programming", "Test &lt;skills&gt;").doesNotContain("<b>control</b>");
    } finally {
      server.stop();
    }
  }
}
