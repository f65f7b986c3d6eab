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
import org.junit.jupiter.api.Test;
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
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.runtime.SkillshelfProcess;
import org.skillshelf.testing.Http;
import org.skillshelf.testing.TestWeb;

/**
 * A curator's day in a real browser (Debian's headless Chromium): sign in, work through the queue
 * with the keyboard — approve one with an edited title, reject one — and see a hostile scraped
 * title shown as text with no script running.
 */
class ReviewBrowserIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  static final String HOSTILE = "<script>alert(1)</script>\" onmouseover=\"alert(2)";

  @TempDir static Path dataDir;
  private static TestWeb web;
  private static SkillshelfProcess app;
  private static Http http;
  private static WebDriver browser;
  private static final List<String> ids = new ArrayList<>();

  @BeforeAll
  static void startEverything() throws Exception {
    web = TestWeb.start();
    for (int i = 1; i <= 4; i++) {
      web.html("/lessons/" + i, "Metadata lesson " + i, "Describing collections with Dublin Core, lesson " + i + ".");
    }
    web.page("/hostile", "text/html; charset=utf-8", "<html><head><title>" + HOSTILE.replace("&", "&amp;").replace("<", "&lt;")
        + "</title></head><body><p>A page whose title tries to run a script when shown.</p></body></html>");
    var env = Map.of("SKILLSHELF_HTTP_PORT", "0", "SKILLSHELF_DATA_DIR", dataDir.toString(), "SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8",
        "SKILLSHELF_CURATORS", "ada:lovelace-1815", "SKILLSHELF_INSTANCE_ID", "browser-it");
    app = SkillshelfProcess.start(SkillshelfConfig.fromEnvironment(env), Skillshelf.services(), Skillshelf::embeddedBroker);
    assertThat(app.awaitReady(PATIENCE)).isTrue();
    http = new Http(app.baseUrl(), "ada", "lovelace-1815");
    for (String path : List.of("/lessons/1", "/lessons/2", "/lessons/3", "/lessons/4", "/hostile")) {
      ids.add(http.postJson("/api/submissions", Map.of("url", web.url(path))).json().get("resourceId").asText());
    }
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get("/api/review/queue").json().get("total").asInt()).isEqualTo(5));
    browser = chrome();
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
  void aCuratorSignsInAndWorksThroughTheQueueWithTheKeyboard() {
    browser.get(app.baseUrl() + "/");
    browser.manage().deleteAllCookies();
    browser.get(app.baseUrl() + "/review");
    assertThat(browser.getCurrentUrl()).contains("/login");
    browser.findElement(By.id("name")).sendKeys("ada");
    browser.findElement(By.id("password")).sendKeys("lovelace-1815", Keys.ENTER);
    await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().endsWith("/review"));
    assertThat(browser.findElements(By.cssSelector("tr[data-queue-item]"))).hasSize(5);

    press("j");
    WebElement focused = browser.switchTo().activeElement();
    String firstItem = focused.getAttribute("href");
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

  @Test
  void aHostileScrapedTitleIsShownAsTextAndRunsNoScript() {
    browser.get(app.baseUrl() + "/login");
    if (!browser.findElements(By.id("password")).isEmpty()) {
      browser.findElement(By.id("name")).sendKeys("ada");
      browser.findElement(By.id("password")).sendKeys("lovelace-1815", Keys.ENTER);
      await().atMost(Duration.ofSeconds(20)).until(() -> !browser.getCurrentUrl().contains("/login"));
    }
    String hostileId = ids.getLast();
    for (String page : List.of("/review", "/review/" + hostileId)) {
      browser.get(app.baseUrl() + page);
      // The extractor drops markup from titles; what remains of the attack is shown as plain text.
      assertThat(browser.findElement(By.tagName("main")).getText()).as(page).contains("\" onmouseover=\"alert(2)");
      assertThat(browser.findElements(By.cssSelector("main [onmouseover]"))).as(page).isEmpty();
      assertThatThrownBy(() -> browser.switchTo().alert()).as("no alert on %s", page).isInstanceOf(NoAlertPresentException.class);
      assertThat(browser.findElements(By.cssSelector("main script"))).as(page).isEmpty();
    }
  }
}
