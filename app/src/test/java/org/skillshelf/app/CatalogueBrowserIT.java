package org.skillshelf.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;

/**
 * A learner in a real browser (Debian's headless Chromium) on a catalogue published by a trusted
 * bulk import: searches from the home page, narrows by a facet, opens a record that carries its
 * JSON-LD, and picks a suggestion from the list that appears while typing.
 */
class CatalogueBrowserIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Duration STEP = Duration.ofSeconds(20);

  @TempDir static Path dataDir;
  private static TestWeb web;
  private static SkillshelfProcess app;
  private static Http http;
  private static WebDriver browser;

  @BeforeAll
  static void publishACatalogue() throws Exception {
    web = TestWeb.start()
        .html("/dublin-core", "Dublin Core metadata basics", "Describing collections with Dublin Core metadata elements.")
        .html("/premis", "Metadata for digital preservation", "Preservation metadata with PREMIS keeps digital objects usable.")
        .html("/python", "Python for librarians", "Automating catalogue chores with small Python scripts.")
        .html("/spreadsheets", "Cleaning metadata in spreadsheets", "Tidy metadata columns in a spreadsheet before loading.");
    var env = Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", dataDir.toString(), "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8",
        "SKILLSHELF_CURATORS", "ada:lovelace-1815", "SKILLSHELF_INSTANCE_ID", "catalogue-browser-it");
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(env), Skillshelf.services(), Skillshelf::embeddedBroker);
    assertThat(app.awaitReady(PATIENCE)).isTrue();
    http = new Http(app.baseUrl(), "ada", "lovelace-1815");
    String csv = "url,skills\n" + web.url("/dublin-core") + ",metadata-cataloguing\n" + web.url("/premis") + ",digital-preservation\n"
        + web.url("/python") + ",python\n" + web.url("/spreadsheets") + ",spreadsheets\n";
    var imported = http.post("/api/submissions/bulk?publish=true", "text/csv", csv);
    assertThat(imported.status()).as(imported.body()).isEqualTo(202);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get("/api/catalogue").json().get("total").asInt()).isEqualTo(4));
    browser = ReviewBrowserIT.chrome();
  }

  @AfterAll
  static void stopEverything() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    if (web != null) {
      web.close();
    }
  }

  @Test
  void searchesFromTheHomePageNarrowsByAFacetAndOpensARecordWithItsJsonLd() throws Exception {
    browser.get(app.baseUrl() + "/");
    browser.findElement(By.id("q-home")).sendKeys("metadata", Keys.ENTER);
    await().atMost(STEP).until(() -> browser.getCurrentUrl().contains("/search?q=metadata"));
    List<String> all = resultTitles();
    assertThat(all).contains("Metadata for digital preservation", "Dublin Core metadata basics").doesNotContain("Python for librarians");

    browser.findElement(By.xpath("//nav[@aria-labelledby='filters']//a[normalize-space()='Digital preservation']")).click();
    await().atMost(STEP).until(() -> browser.getCurrentUrl().contains("skill=digital-preservation"));
    int expected = http.get("/api/catalogue?q=metadata&skill=digital-preservation").json().get("total").asInt();
    List<String> narrowed = resultTitles();
    assertThat(narrowed).hasSize(expected).hasSizeLessThan(all.size()).contains("Metadata for digital preservation");
    assertThat(browser.findElement(By.cssSelector("strong[aria-current=true]")).getText()).isEqualTo("Digital preservation");

    browser.findElement(By.linkText("Metadata for digital preservation")).click();
    await().atMost(STEP).until(() -> browser.getCurrentUrl().contains("/resources/"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Metadata for digital preservation");
    WebElement jsonLd = browser.findElement(By.cssSelector("head script[type='application/ld+json']"));
    JsonNode ld = new ObjectMapper().readTree(jsonLd.getAttribute("textContent"));
    assertThat(ld.get("@type").asText()).isEqualTo("LearningResource");
    assertThat(ld.get("name").asText()).isEqualTo("Metadata for digital preservation");
    assertThat(ld.get("url").asText()).isEqualTo(web.url("/premis"));
  }

  @Test
  void offersSuggestionsWhileTypingThatTheKeyboardCanChooseFrom() {
    browser.get(app.baseUrl() + "/");
    WebElement box = browser.findElement(By.id("q-home"));
    assertThat(box.getAttribute("role")).as("search.js enhanced the box").isEqualTo("combobox");
    box.sendKeys("Dubl");
    By options = By.cssSelector("ul[role=listbox] li[role=option]");
    await().atMost(STEP).until(() -> !browser.findElements(options).isEmpty() && browser.findElement(options).isDisplayed());
    assertThat(browser.findElements(options)).extracting(WebElement::getText).containsExactly("Dublin Core metadata basics");
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");

    box.sendKeys(Keys.ARROW_DOWN);
    WebElement first = browser.findElement(options);
    assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
    assertThat(first.getAttribute("aria-selected")).isEqualTo("true");

    box.sendKeys(Keys.ESCAPE);
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.findElement(By.cssSelector("ul[role=listbox]")).isDisplayed()).isFalse();
    assertThat(box.getAttribute("value")).as("the first Escape only closes the list").isEqualTo("Dubl");

    box.sendKeys(Keys.ARROW_DOWN);
    await().atMost(STEP).until(() -> "true".equals(box.getAttribute("aria-expanded")));
    box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    await().atMost(STEP).until(() -> browser.getCurrentUrl().contains("/resources/"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dublin Core metadata basics");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('script:not([src]):not([type])').length"))
        .as("no inline scripts: the CSP would block them").isEqualTo(0L);
  }

  private static List<String> resultTitles() {
    return browser.findElements(By.cssSelector("section[aria-labelledby=results] li h3 a")).stream().map(WebElement::getText).toList();
  }
}
