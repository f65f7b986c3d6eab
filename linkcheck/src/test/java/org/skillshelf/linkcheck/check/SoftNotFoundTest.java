package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftNotFoundTest {
  private static final URI DEEP = URI.create("https://example.org/courses/git");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String CATCH_ALL = "<html><head><title>Example</title></head><body><main><p>Welcome to the "
      + "example site, where we write about many things and none in particular, every day of the week.</p></main></body></html>";

  private static CheckedPage page(String html) {
    return CheckedPage.parse(html);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<title>Page not found</title>", "<h1>Seite nicht gefunden</h1>", "<title>Page introuvable</title>",
      "<h1>Página no encontrada</h1>", "<title>Pagina non trovata</title>", "<h1>Pagina niet gevonden</h1>",
      "<title>Página não encontrada</title>", "<title>Error 404</title>", "<title>404 | Example</title>"})
  void notFoundWordingInTheTitleOrHeadingIsASoft404(String html) {
    assertThat(SoftNotFound.byWordingOrRedirect(DEEP, Answers.html(DEEP.toString(), 200, html), page(html))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<title>Lesson 404</title><p>Short lesson.</p>", "<h1>HTTP status codes: 404 and 410 explained</h1>"})
  void aNumber404InATitleThatIsNotAnErrorIsNoSoft404(String html) {
    assertThat(SoftNotFound.byWordingOrRedirect(DEEP, Answers.html(DEEP.toString(), 200, html), page(html))).isEmpty();
  }

  @Test
  void aShortPageSayingItCannotBeFoundIsASoft404() {
    String html = "<title>Example</title><p>Sorry, this page could not be found.</p>";
    assertThat(SoftNotFound.byWordingOrRedirect(DEEP, Answers.html(DEEP.toString(), 200, html), page(html))).isPresent();
  }

  @Test
  void aLongArticleMentioningNotFoundIsNotASoft404() {
    String html = "<title>Debugging Python</title><main><p>" + "When Python says a module was not found, check the path. ".repeat(20)
        + "</p></main>";
    assertThat(SoftNotFound.byWordingOrRedirect(DEEP, Answers.html(DEEP.toString(), 200, html), page(html))).isEmpty();
  }

  @Test
  void aDeepLinkRedirectedToTheHomePageIsASoft404() {
    var answer = Answers.redirected(DEEP.toString(), "https://example.org/", CATCH_ALL);
    assertThat(SoftNotFound.byWordingOrRedirect(DEEP, answer, page(CATCH_ALL))).get().asString().contains("home page");
  }

  @Test
  void aRedirectToAnotherDeepPageIsNotASoft404() {
    var answer = Answers.redirected(DEEP.toString(), "https://example.org/learn/git", CATCH_ALL);
    assertThat(SoftNotFound.byWordingOrRedirect(DEEP, answer, page(CATCH_ALL))).isEmpty();
  }

  @Test
  void aHostThatAnswersEveryPathWithOnePageGivesASoft404() throws Exception {
    var soft = new SoftNotFound(request -> Answers.html(request.uri().toString(), 200, CATCH_ALL), CLOCK, Duration.ofHours(1), new Random(1));
    assertThat(soft.bySibling(DEEP, page(CATCH_ALL))).isPresent();
  }

  @Test
  void aHostWithRealNotFoundAnswersGivesNoSoft404() throws Exception {
    var soft = new SoftNotFound(request -> Answers.html(request.uri().toString(), 404, "<title>Not found</title>"), CLOCK,
        Duration.ofHours(1), new Random(1));
    assertThat(soft.bySibling(DEEP, page(CATCH_ALL))).isEmpty();
  }

  @Test
  void aSiblingWithDifferentTextGivesNoSoft404() throws Exception {
    String other = "<title>Example</title><main><p>Cooking with lentils: soups, stews and salads for cold winter days.</p></main>";
    var soft = new SoftNotFound(request -> Answers.html(request.uri().toString(), 200, other), CLOCK, Duration.ofHours(1), new Random(1));
    assertThat(soft.bySibling(DEEP, page(CATCH_ALL))).isEmpty();
  }

  @Test
  void theSiblingIsFetchedOncePerHostWhileCached() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    var soft = new SoftNotFound(request -> {
      fetches.incrementAndGet();
      return Answers.answer(request.uri().toString(), request.uri().toString(), 404, "", Map.of());
    }, CLOCK, Duration.ofHours(1), new Random(1));
    soft.bySibling(DEEP, page(CATCH_ALL));
    soft.bySibling(URI.create("https://example.org/other/page"), page(CATCH_ALL));
    assertThat(fetches).hasValue(1);
  }

  @Test
  void theHomePageIsNeverComparedWithASibling() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    var soft = new SoftNotFound(request -> {
      fetches.incrementAndGet();
      return Answers.html(request.uri().toString(), 200, CATCH_ALL);
    }, CLOCK, Duration.ofHours(1), new Random(1));
    assertThat(soft.bySibling(URI.create("https://example.org/"), page(CATCH_ALL))).isEmpty();
    assertThat(fetches).hasValue(0);
  }

  @Test
  void aNumberContaining404InTheTitleIsNoSoft404() {
    assertThat(SoftNotFound.saysWhole("lesson 14047: fixity", "404")).isFalse();
    assertThat(SoftNotFound.saysWhole("error 404", "404")).isTrue();
  }

  @Test
  void aPhraseInsideALongerWordDoesNotCount() {
    assertThat(SoftNotFound.saysWhole("no existence proofs here", "no existe")).isFalse();
    assertThat(SoftNotFound.saysWhole("la página no existe.", "no existe")).isTrue();
  }

  @Test
  void checksOfOneHostAtTheSameMomentShareOneSiblingProbe() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    AtomicInteger asking = new AtomicInteger();
    java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
    var soft = new SoftNotFound(request -> {
      fetches.incrementAndGet();
      answer.await();
      return Answers.answer(request.uri().toString(), request.uri().toString(), 404, "", Map.of());
    }, CLOCK, Duration.ofHours(1), new Random(1));
    try (var checks = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4; i++) {
        URI link = URI.create("https://example.org/page/" + i);
        checks.submit(() -> {
          asking.incrementAndGet();
          return soft.bySibling(link, page(CATCH_ALL));
        });
      }
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() >= 1 && asking.get() == 4);
      answer.countDown();
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aFailedSiblingProbeIsTriedAgainByTheNextCheck() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    var soft = new SoftNotFound(request -> {
      fetches.incrementAndGet();
      throw new HostBackingOff("example.org:-1", Duration.ofMinutes(5));
    }, CLOCK, Duration.ofHours(1), new Random(1));
    soft.bySibling(DEEP, page(CATCH_ALL));
    soft.bySibling(DEEP, page(CATCH_ALL));
    assertThat(fetches).hasValue(2);
  }
}
