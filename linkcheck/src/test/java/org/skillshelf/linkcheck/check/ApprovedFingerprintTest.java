package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.skillshelf.text.main.MainText;

/**
 * An unchanged page checked by linkcheck gives exactly the fingerprint enrich stored at approval,
 * so it is never reported as changed; a parked domain or another article still is. The corpus
 * tests read the extraction development corpus from the shared folder next to the repository (as
 * the quality profile does), a sample of 20 pages, and are skipped where it is absent; the literal pages always run.
 */
class ApprovedFingerprintTest {
  private static final Path CORPUS = Path.of("../../shared/corpora/extraction-dev/html");
  private static final int SAMPLE = 20;
  private static final String URL = "https://lessons.example.org/git/first-repository";
  private static final String LESSON = "<!doctype html><html><head><title>Your first repository | Lessons</title>"
      + "<script>var tracking = {page: 'lesson'};</script></head><body>"
      + "<header class=masthead><a href=/>Lessons</a> <nav><a href=/git>Git</a> <a href=/about>About us</a></nav></header>"
      + "<div class=cookie-banner>We use cookies to count visits, is that fine with you?</div>"
      + "<article><h1>Your first repository</h1>"
      + "<p>Version control lets a team keep every change to its files, see who changed what and when, "
      + "and go back to any earlier state of the project.</p>"
      + "<p>In this lesson we set up Git, make a first repository, commit changes, look at the history "
      + "and compare versions of a file, one step at a time.</p>"
      + "<ul><li>Install Git and tell it your name.</li><li>Run git init in an empty folder.</li></ul></article>"
      + "<aside class=related><a href=/git/branches>Branches</a></aside>"
      + "<section id=comments><p>Thanks, this finally made commits click for me, great lesson.</p></section>"
      + "<footer>Copyright 2025, Lessons, all rights reserved.</footer></body></html>";

  /** The fingerprint as enrich computes it when the page is approved. */
  private static long approved(String html) {
    return MainText.fingerprint(MainText.of(MainText.parse(html, URL)));
  }

  @Test
  void anUnchangedPageWithFurnitureHasTheApprovedFingerprint() {
    CheckedPage today = CheckedPage.parse(LESSON);

    assertThat(today.fingerprint()).isNotZero().isEqualTo(approved(LESSON));
    assertThat(ContentDrift.explain(today, approved(LESSON))).isEmpty();
  }

  @Test
  void anUnchangedPageWithAByteOrderMarkHasTheApprovedFingerprint() {
    assertThat(CheckedPage.parse("\uFEFF" + LESSON).fingerprint()).isEqualTo(approved("\uFEFF" + LESSON));
  }

  @Test
  void aParkedDomainIsReportedAgainstTheApprovedLesson() {
    String parked = "<html><head><title>lessons.example.org</title></head><body>"
        + "<p>lessons.example.org - buy this domain today, fast and safe transfer.</p></body></html>";

    assertThat(ContentDrift.explain(CheckedPage.parse(parked), approved(LESSON))).get().asString().contains("parking");
  }

  @Test
  void anotherArticleOnTheSameSiteIsReported() {
    String other = LESSON.replace("<h1>Your first repository</h1>", "<h1>Sourdough</h1>")
        .replaceAll("(?s)<p>Version control.*?</ul>", "<p>Our bakery sells fresh sourdough bread, croissants and "
            + "cakes every morning, baked in the wood oven behind the shop since nineteen ninety.</p><p>Order online "
            + "for delivery within the city, or visit the shop near the station from seven until noon.</p>");

    assertThat(ContentDrift.explain(CheckedPage.parse(other), approved(LESSON))).get().asString()
        .contains("text changed");
  }

  @Test
  void everyCorpusPageHasItsApprovedFingerprintWhenChecked() {
    List<String> pages = corpusPages();

    for (String html : pages) {
      CheckedPage today = CheckedPage.parse(html);
      assertThat(today.fingerprint()).isEqualTo(approved(html));
      assertThat(ContentDrift.explain(today, approved(html))).isEmpty();
    }
  }

  @Test
  void everyCorpusPageCheckedAgainstAnotherPagesApprovalIsReported() {
    List<String> pages = corpusPages();

    for (int i = 0; i < pages.size(); i++) {
      String approvedPage = pages.get((i + 1) % pages.size());
      assertThat(ContentDrift.explain(CheckedPage.parse(pages.get(i)), approved(approvedPage)))
          .as("page %d checked against page %d's approval", i, (i + 1) % pages.size()).isPresent();
    }
  }

  private static List<String> corpusPages() {
    assumeTrue(Files.isDirectory(CORPUS), "the extraction corpus is not at " + CORPUS.toAbsolutePath());
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(SAMPLE);
      // an even spread over the corpus: all 91 pages would make this class slow for little more
      return IntStream.range(0, SAMPLE).mapToObj(i -> gunzip(all.get(i * all.size() / SAMPLE))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String gunzip(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
