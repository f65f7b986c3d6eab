package org.skillshelf.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;

/**
 * A curator's day in a real browser (Debian's headless Chromium): sign in, work through the queue
 * with the keyboard — approve one with an edited title, reject one — see a hostile scraped title
 * shown as text with no script running, and build a learning path that an anonymous visitor then
 * reads on the public site. The tests run in order: the first two need the queue of five as it was
 * filled; the learning path and the public pages use resources a trusted import published.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewBrowserIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  static final String HOSTILE = "<script>alert(1)</script>\" onmouseover=\"alert(2)";

  @TempDir static Path dataDir;
  private static TestWeb web;
  private static SkillshelfProcess app;
  private static Http http;
  private static WebDriver browser;
  private static final List<String> ids = new ArrayList<>();
  /** The three steps of the learning path, then a published resource with the hostile title. */
  private static final List<String> published = new ArrayList<>();
  private static final List<String> PATH_TITLES = List.of("What a metadata record holds", "Choosing a vocabulary", "Harvesting with OAI-PMH");

  @BeforeAll
  static void startEverything() throws Exception {
    web = TestWeb.start();
    for (int i = 1; i <= 4; i++) {
      web.html("/lessons/" + i, "Metadata lesson " + i, "Describing collections with Dublin Core, lesson " + i + ".");
    }
    web.page("/hostile", "text/html; charset=utf-8", hostilePage("A page whose title tries to run a script when shown."));
    web.page("/hostile/published", "text/html; charset=utf-8", hostilePage("Another page whose title tries to run a script, once published."));
    var env = Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", dataDir.toString(), "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8",
        "SKILLSHELF_CURATORS", "ada:lovelace-1815", "SKILLSHELF_INSTANCE_ID", "browser-it");
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(env), Skillshelf.services(), Skillshelf::embeddedBroker);
    assertThat(app.awaitReady(PATIENCE)).isTrue();
    http = new Http(app.baseUrl(), "ada", "lovelace-1815");
    for (String path : List.of("/lessons/1", "/lessons/2", "/lessons/3", "/lessons/4", "/hostile")) {
      ids.add(http.postJson("/api/submissions", Map.of("url", web.url(path))).json().get("resourceId").asText());
    }
    for (int i = 0; i < PATH_TITLES.size(); i++) {
      web.html("/path/" + i, PATH_TITLES.get(i), "Step " + i + " of a path about describing a library's holdings: " + PATH_TITLES.get(i) + ".");
    }
    // Published by a trusted import, so they never wait in the queue the keyboard test works through.
    String urls = String.join("\n", web.url("/path/0"), web.url("/path/1"), web.url("/path/2"), web.url("/hostile/published"));
    var imported = http.post("/api/submissions/bulk?publish=true", "text/plain", urls);
    assertThat(imported.status()).as(imported.body()).isEqualTo(202);
    imported.json().get("items").forEach(item -> published.add(item.get("resourceId").asText()));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get("/api/review/queue").json().get("total").asInt()).isEqualTo(5));
    browser = chrome();
  }

  private static String hostilePage(String paragraph) {
    return "<html><head><title>" + HOSTILE.replace("&", "&amp;").replace("<", "&lt;") + "</title></head><body><p>" + paragraph
        + "</p></body></html>";
  }

  static WebDriver chrome() {
    var options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
    var driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  @AfterAll
  static void stopEverything() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    web.close();
  }

  private static void press(CharSequence key) {
    new Actions(browser).sendKeys(key).perform();
  }

  @Test
  @Order(2)
  void aCuratorSignsInAndWorksThroughTheQueueWithTheKeyboard() {
    browser.get(app.baseUrl() + "/");
    browser.manage().deleteAllCookies();
    browser.get(app.baseUrl() + "/review");
    assertThat(browser.getCurrentUrl()).contains("/login");
    browser.findElement(By.id("name")).sendKeys("ada");
    browser.findElement(By.id("password")).sendKeys("lovelace-1815", Keys.ENTER);
    await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().endsWith("/review"));
    assertThat(browser.findElements(By.cssSelector("tr[data-queue-item]"))).hasSize(5);

    String topOfQueue = browser.findElement(By.cssSelector("tr[data-queue-item] a")).getAttribute("href");
    press("j");
    press("j");
    assertThat(browser.switchTo().activeElement().getAttribute("href")).as("j moves down").isNotEqualTo(topOfQueue);
    press("k");
    String firstItem = browser.switchTo().activeElement().getAttribute("href");
    assertThat(firstItem).as("k moves back up").isEqualTo(topOfQueue);
    press(Keys.ENTER);
    await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().equals(firstItem));
    String approvedId = firstItem.substring(firstItem.lastIndexOf('/') + 1);

    WebElement title = browser.findElement(By.id("edit-title"));
    title.clear();
    title.sendKeys("Dublin Core, gently", Keys.ESCAPE);
    press("a");
    await().atMost(Duration.ofSeconds(20)).until(() -> !browser.getCurrentUrl().equals(firstItem));

    String secondItem = browser.getCurrentUrl();
    String rejectedId = secondItem.substring(secondItem.lastIndexOf('/') + 1);
    press("r");
    browser.switchTo().activeElement().sendKeys("Covered better elsewhere", Keys.ENTER);
    await().atMost(Duration.ofSeconds(20)).until(() -> !browser.getCurrentUrl().equals(secondItem));

    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(http.get("/api/catalogue/" + approvedId).json().get("title").asText()).isEqualTo("Dublin Core, gently"));
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(http.get("/api/resources/" + rejectedId).json().get("status").asText()).isEqualTo("REJECTED"));
  }

  private static void signIn() {
    browser.get(app.baseUrl() + "/login");
    if (!browser.findElements(By.id("password")).isEmpty()) {
      browser.findElement(By.id("name")).sendKeys("ada");
      browser.findElement(By.id("password")).sendKeys("lovelace-1815", Keys.ENTER);
      await().atMost(Duration.ofSeconds(20)).until(() -> !browser.getCurrentUrl().contains("/login"));
    }
  }

  @Test
  @Order(1)
  void aHostileScrapedTitleIsShownAsTextAndRunsNoScriptWhileInReview() {
    signIn();
    String hostileId = ids.getLast();
    for (String page : List.of("/review", "/review/" + hostileId)) {
      assertShowsTheHostileTitleAsText(page);
    }
  }

  /** Opens a page, points at the title and checks it is shown as text, with no script of its own anywhere. */
  private static void assertShowsTheHostileTitleAsText(String page) {
    browser.get(app.baseUrl() + page);
    WebElement main = browser.findElement(By.tagName("main"));
    // The extractor drops markup from titles; what remains of the attack is shown as plain text.
    assertThat(main.getText()).as(page).contains("\" onmouseover=\"alert(2)");
    main.findElements(By.xpath(".//*[contains(text(), 'onmouseover')]")).stream().filter(WebElement::isDisplayed).findFirst()
        .ifPresent(title -> new Actions(browser).moveToElement(title).perform());
    assertThat(browser.findElements(By.cssSelector("[onmouseover]"))).as(page).isEmpty();
    assertThat(browser.findElements(By.cssSelector("main script"))).as(page).isEmpty();
    assertThat(browser.findElements(By.cssSelector("script:not([src]):not([type='application/ld+json'])"))).as("inline scripts on %s", page)
        .isEmpty();
    assertThatThrownBy(() -> browser.switchTo().alert()).as("no alert on %s", page).isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  @Order(4)
  void aHostileScrapedTitleIsShownAsTextOnEveryPageOnceItIsPublished() {
    String hostileId = published.getLast();
    await().atMost(PATIENCE).until(() -> http.get("/api/catalogue/" + hostileId).status() == 200);
    var shelf = http.postJson("/api/collections", Map.of("title", "Odd titles", "kind", "COLLECTION",
        "steps", List.of(Map.of("resourceId", hostileId))));
    assertThat(shelf.status()).as(shelf.body()).isEqualTo(201);
    String collectionId = shelf.json().get("id").asText();
    assertThat(http.post("/api/collections/" + collectionId + "/publish", "application/json", "").status()).isEqualTo(200);
    browser.manage().deleteAllCookies();
    for (String page : List.of("/", "/search?q=onmouseover", "/resources/" + hostileId, "/collections/" + collectionId)) {
      assertShowsTheHostileTitleAsText(page);
    }
    signIn();
    for (String page : List.of("/review/" + hostileId, "/curate/collections/" + collectionId)) {
      assertShowsTheHostileTitleAsText(page);
    }
    browser.get(app.baseUrl() + "/review/" + hostileId);
    assertThat(browser.findElement(By.cssSelector("ol.history")).getText()).as("the history read from the events")
        .contains("submitted by ada", "via bulk, published without review by ada", "enriched at", "approve by ada");
  }

  @Test
  @Order(3)
  void aCuratorBuildsALearningPathThatAnonymousVisitorsThenRead() {
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(published.subList(0, 3)).allSatisfy(id -> assertThat(http.get("/api/catalogue/" + id).status()).isEqualTo(200)));
    signIn();
    browser.get(app.baseUrl() + "/curate/collections/new");
    browser.findElement(By.id("c-title")).sendKeys("Describing a library, step by step");
    browser.findElement(By.id("c-description")).sendKeys("From one record to a harvested catalogue.");
    browser.findElement(By.id("c-guest")).sendKeys("Henriette Avram");
    browser.findElement(By.id("c-bio")).sendKeys("Designed MARC at the Library of Congress.");
    browser.findElement(By.cssSelector("input[name='kind'][value='LEARNING_PATH']")).click();
    new Select(browser.findElement(By.id("c-level"))).selectByValue("intermediate");
    browser.findElement(By.id("c-minutes")).sendKeys("75");
    List<String> notes = List.of("Start with one record.", "Then agree on words.", "Finally let others collect them.");
    for (int i = 0; i < 3; i++) {
      browser.findElement(By.id("step-" + (i + 1))).sendKeys(published.get(i));
      browser.findElement(By.id("note-" + (i + 1))).sendKeys(notes.get(i));
    }
    browser.findElement(By.xpath("//form[@class='collection-form']//button[.='Save']")).click();
    await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("done=saved"));

    // The third step moves up one place: the vocabulary comes last.
    browser.findElement(By.cssSelector("button[aria-label='Move step 3 up']")).click();
    await().atMost(Duration.ofSeconds(20)).until(() -> published.get(2).equals(browser.findElement(By.id("step-2")).getAttribute("value")));
    browser.get(app.baseUrl() + "/curate/collections");
    browser.findElement(By.cssSelector("button[aria-label='Publish Describing a library, step by step']")).click();
    await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("done=published"));

    browser.manage().deleteAllCookies();
    browser.get(app.baseUrl() + "/collections");
    browser.findElement(By.linkText("Describing a library, step by step")).click();
    WebElement article = browser.findElement(By.tagName("article"));
    assertThat(article.getText()).contains("Learning path · 3 steps · Level: intermediate · about 75 minutes",
        "From one record to a harvested catalogue.", "Chosen by Henriette Avram", "Designed MARC at the Library of Congress.");
    List<WebElement> steps = article.findElements(By.cssSelector("ol.steps > li"));
    assertThat(steps).extracting(step -> step.findElement(By.tagName("a")).getText())
        .containsExactly(PATH_TITLES.get(0), PATH_TITLES.get(2), PATH_TITLES.get(1));
    assertThat(steps).extracting(step -> step.findElement(By.tagName("p")).getText())
        .containsExactly(notes.get(0), notes.get(2), notes.get(1));
    browser.get(app.baseUrl() + "/review");
    assertThat(browser.getCurrentUrl()).as("the visitor is not signed in").contains("/login");
  }
}
