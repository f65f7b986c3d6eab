package org.skillshelf.publish.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillshelf.publish.search.Records.record;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.web.CatalogueRoutes;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.testing.Http;
import org.skillshelf.web.WebServer;

/** The open formats and the catalogue API through HTTP, on a loopback server without Kafka. */
class CatalogueHttpTest {
  private static CatalogueIndex index;
  private static WebServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    Taxonomy taxonomy = Taxonomy.builtIn();
    index = new CatalogueIndex(taxonomy);
    index.put(record("meta", "Metadata basics", "Dublin Core for =cataloguers, \"quoted\"", List.of("metadata-cataloguing"),
        "course", "en", 1));
    index.put(record("git", "Version control with Git", "Branches and commits", List.of("version-control"),
        "tutorial", "en", 2));
    index.refresh();
    // The same order as PublishService: harvest routes before the catalogue API.
    server = WebServer.start("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(),
        List.of(new HarvestRoutes(index, taxonomy, Clock.systemUTC(), "curators@skillshelf.example"),
            new CatalogueRoutes(index)));
    http = new Http("http://127.0.0.1:" + server.port(), null, null);
  }

  @AfterAll
  static void stop() {
    server.close();
    index.close();
  }

  @Test
  void exportsCsvWithQuotingAndFormulaGuard() {
    Http.Answer csv = http.get("/api/catalogue/export.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("resourceId,url,title,").contains("\"Dublin Core for =cataloguers, \"\"quoted\"\"\"");
  }

  @Test
  void exportsJson() {
    Http.Answer json = http.get("/api/catalogue/export.json");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().get("total").asInt()).isEqualTo(2);
    assertThat(json.json().get("items").get(0).get("resourceId").asText()).isEqualTo("git");
  }

  @Test
  void servesOaiPmhAsTextXml() throws Exception {
    Http.Answer oai = http.get("/oai?verb=ListRecords&metadataPrefix=oai_dc&set=skill:version-control");
    assertThat(oai.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
    assertThat(Xml.all(Xml.parse(oai.body()), "http://www.openarchives.org/OAI/2.0/", "record")).hasSize(1);
  }

  @Test
  void servesAFeedPerSkillAndTheSitemap() throws Exception {
    Http.Answer feed = http.get("/feed.xml?skill=metadata-cataloguing");
    assertThat(feed.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
    assertThat(Xml.all(Xml.parse(feed.body()), "http://www.w3.org/2005/Atom", "entry")).hasSize(1);
    assertThat(http.get("/feed.xml?skill=no-such-skill").status()).isEqualTo(404);
    assertThat(Xml.all(Xml.parse(http.get("/sitemap.xml").body()), Sitemap.NS, "url")).hasSize(3);
  }

  @Test
  void countsFacetsOverTheMatchesAndNarrowsByOne() {
    var all = http.get("/api/catalogue").json();
    assertThat(all.get("total").asInt()).isEqualTo(2);
    assertThat(all.get("facets").get("type").get("course").asInt()).isEqualTo(1);
    assertThat(all.get("facets").get("type").get("tutorial").asInt()).isEqualTo(1);
    assertThat(all.get("facets").get("language").get("en").asInt()).isEqualTo(2);
    var narrowed = http.get("/api/catalogue?type=tutorial").json();
    assertThat(narrowed.get("total").asInt()).isEqualTo(1);
    assertThat(narrowed.get("items").get(0).get("resourceId").asText()).isEqualTo("git");
    assertThat(narrowed.get("facets").get("skill").get("version-control").asInt()).isEqualTo(1);
    assertThat(narrowed.get("facets").get("skill").has("metadata-cataloguing")).isFalse();
  }

  @Test
  void suggestsTitlesAndFindsWithATypo() {
    assertThat(http.get("/api/catalogue/suggest?q=vers").json().get("suggestions").get(0).get("title").asText())
        .isEqualTo("Version control with Git");
    var search = http.get("/api/catalogue?q=metdata").json();
    assertThat(search.get("items").get(0).get("resourceId").asText()).isEqualTo("meta");
    assertThat(search.get("approximate").asBoolean()).isTrue();
    assertThat(http.get("/api/catalogue/meta").json().get("title").asText()).isEqualTo("Metadata basics");
  }
}
