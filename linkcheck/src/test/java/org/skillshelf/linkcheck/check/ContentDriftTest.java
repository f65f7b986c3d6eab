package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skillshelf.text.SimHash;

class ContentDriftTest {
  private static final String LESSON = "Version control lets a team keep every change to its files, see who changed "
      + "what and when, and go back to any earlier state. In this lesson we set up Git, make a first repository, "
      + "commit changes, look at the history and compare versions of a file.";

  private static String page(String text) {
    return "<html><head><title>Lesson</title></head><body><main><p>" + text + "</p></main></body></html>";
  }

  @Test
  void theSameTextHasNotDrifted() {
    assertThat(ContentDrift.explain(CheckedPage.parse(page(LESSON)), SimHash.of(LESSON))).isEmpty();
  }

  @Test
  void aSmallEditHasNotDrifted() {
    String edited = LESSON.replace("compare versions of a file", "compare two versions of one file");
    assertThat(ContentDrift.explain(CheckedPage.parse(page(edited)), SimHash.of(LESSON))).isEmpty();
  }

  @Test
  void anUnrelatedTextHasDrifted() {
    String other = "Our bakery sells fresh sourdough bread, croissants and cakes every morning. Order online for "
        + "delivery within the city, or visit the shop near the station from seven until noon on weekdays.";
    assertThat(ContentDrift.explain(CheckedPage.parse(page(other)), SimHash.of(LESSON))).get().asString()
        .contains("text changed");
  }

  @Test
  void anUnknownApprovalFingerprintNeverDrifts() {
    assertThat(ContentDrift.explain(CheckedPage.parse(page("Something else entirely, about bread.")), 0L)).isEmpty();
  }

  @Test
  void aDomainForSaleIsAChangedContent() {
    String parked = "<html><head><title>example.org</title></head><body><h1>This domain is for sale!</h1></body></html>";
    assertThat(ContentDrift.explain(CheckedPage.parse(parked), 0L)).get().asString().contains("parking");
  }

  @Test
  void aParkingServiceScriptIsAChangedContent() {
    String parked = "<html><body><script src=\"https://www.sedoparking.com/frmpark/x.js\"></script></body></html>";
    assertThat(ContentDrift.explain(CheckedPage.parse(parked), SimHash.of(LESSON))).isPresent();
  }
}
