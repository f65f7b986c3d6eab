package org.skillshelf.publish.brokenlinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.BrokenLinkDismissal;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;

class BrokenLinkBoardTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final String URL = "https://example.org/git";
  private final Map<String, CatalogueRecord> catalogue = new HashMap<>();
  private final BrokenLinkBoard board = new BrokenLinkBoard(id -> Optional.ofNullable(catalogue.get(id)));

  /** As the feed does: the catalogue (the search index, in the service) and the board both hear of it. */
  private void catalogued(String id, @Nullable CatalogueRecord record) {
    if (record == null) {
      catalogue.remove(id);
    } else {
      catalogue.put(id, record);
    }
    board.catalogued(id, record);
  }

  private static CatalogueRecord record(String id, String url) {
    return new CatalogueRecord(CatalogueRecord.VERSION, id, url, "Git for librarians", null, List.of(), null, "en", null, null, null,
        List.of(), null, null, null, List.of(), "text", 1L, "ada", T0, T0);
  }

  private static LinkHealth health(String id, String url, LinkState state, @Nullable Instant firstFailure) {
    var last = new LinkCheck(LinkCheck.VERSION, id, url, CheckOutcome.NOT_FOUND, 404, url, 5, "the server answered 404", T0.plusSeconds(900));
    return new LinkHealth(LinkHealth.VERSION, id, url, state, state == LinkState.HEALTHY ? 0 : 3, firstFailure, T0.plusSeconds(900),
        null, last, List.of(LinkHealth.PastCheck.of(last)), null);
  }

  private static BrokenLinkReport report(String reportId, String id, String url, Instant at, @Nullable String note) {
    return new BrokenLinkReport(BrokenLinkReport.VERSION, reportId, id, url, note, at);
  }

  private void dismiss(String id, Instant at) {
    board.dismissed(new BrokenLinkDismissal(BrokenLinkDismissal.VERSION, "d-" + at, id, URL, board.brokenSince(id), null, "ada", at));
  }

  @Test
  void aBrokenLinkIsQueuedWithItsLastOutcome() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    assertThat(board.open()).singleElement().satisfies(e -> {
      assertThat(e.broken()).isTrue();
      assertThat(e.lastOutcome()).isEqualTo("NOT_FOUND");
      assertThat(e.since()).isEqualTo(T0);
    });
  }

  @Test
  void aDegradedLinkIsNotQueued() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.DEGRADED, T0));
    assertThat(board.open()).isEmpty();
  }

  @Test
  void aReportedHealthyLinkIsQueuedWithTheReadersNote() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.HEALTHY, null));
    board.reported(report("p1", "r1", URL, T0, "asks me to log in"));
    assertThat(board.open()).singleElement().satisfies(e -> {
      assertThat(e.broken()).isFalse();
      assertThat(e.reports()).isEqualTo(1);
      assertThat(e.notes()).containsExactly("asks me to log in");
    });
  }

  @Test
  void aReportReadBeforeItsRecordWaitsForIt() {
    board.reported(report("p1", "r1", URL, T0, null));
    assertThat(board.open()).isEmpty();
    catalogued("r1", record("r1", URL));
    assertThat(board.open()).hasSize(1);
  }

  @Test
  void theSameReportReadTwiceCountsOnce() {
    catalogued("r1", record("r1", URL));
    board.reported(report("p1", "r1", URL, T0, null));
    board.reported(report("p1", "r1", URL, T0, null));
    assertThat(board.open().getFirst().reports()).isEqualTo(1);
  }

  @Test
  void aDismissedBreakageStaysDismissedWhileItLasts() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    dismiss("r1", T0.plusSeconds(3_600));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0)); // checked again, still the same breakage
    assertThat(board.open()).isEmpty();
  }

  @Test
  void aNewBreakageAfterRecoveryComesBack() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    dismiss("r1", T0.plusSeconds(3_600));
    board.health("r1", health("r1", URL, LinkState.HEALTHY, null));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0.plusSeconds(86_400)));
    assertThat(board.open()).singleElement().extracting(BrokenLink::brokenSince).isEqualTo(T0.plusSeconds(86_400));
  }

  @Test
  void aDismissalMadeWhileOnlyReportedDoesNotCoverALaterBreakage() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.DEGRADED, T0));
    board.reported(report("p1", "r1", URL, T0, null));
    dismiss("r1", T0.plusSeconds(60));
    assertThat(board.open()).isEmpty();
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    assertThat(board.open()).hasSize(1);
  }

  @Test
  void aReportAfterADismissalComesBackAndEarlierReportsStayCovered() {
    catalogued("r1", record("r1", URL));
    board.reported(report("p1", "r1", URL, T0, "old"));
    dismiss("r1", T0.plusSeconds(60));
    board.reported(report("p2", "r1", URL, T0.plusSeconds(120), "new"));
    assertThat(board.open()).singleElement().satisfies(e -> {
      assertThat(e.reports()).isEqualTo(1);
      assertThat(e.notes()).containsExactly("new");
    });
  }

  @Test
  void replacingTheLinkTakesTheRecordOutOfTheQueue() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    board.reported(report("p1", "r1", URL, T0, null));
    catalogued("r1", record("r1", "https://example.net/git-moved"));
    assertThat(board.open()).isEmpty();
  }

  @Test
  void aWithdrawnRecordLeavesTheQueue() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    catalogued("r1", null);
    assertThat(board.open()).isEmpty();
    assertThat(board.entry("r1")).isEmpty();
  }

  @Test
  void theLongestWaitingComesFirst() {
    catalogued("new", record("new", "https://example.org/new"));
    board.reported(report("p1", "new", "https://example.org/new", T0.plusSeconds(600), null));
    catalogued("old", record("old", URL));
    board.health("old", health("old", URL, LinkState.BROKEN, T0));
    assertThat(board.open()).extracting(BrokenLink::resourceId).containsExactly("old", "new");
  }

  @Test
  void aHealthyUnreportedLinkTakesNoEntry() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.HEALTHY, null));
    board.health("r2", health("r2", URL, LinkState.UNCHECKED, null));
    assertThat(board.size()).isZero();
  }

  @Test
  void aLinkReturningToHealthLeavesTheBoard() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    board.health("r1", health("r1", URL, LinkState.HEALTHY, null));
    assertThat(board.open()).isEmpty();
    assertThat(board.size()).isZero();
  }

  @Test
  void aDegradedLinkIsKeptUntilItRecovers() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.DEGRADED, T0));
    assertThat(board.size()).isEqualTo(1);
    board.health("r1", health("r1", URL, LinkState.HEALTHY, null));
    assertThat(board.size()).isZero();
  }

  @Test
  void aLinkTombstoneLeavesTheBoard() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    board.health("r1", null);
    assertThat(board.size()).isZero();
  }

  @Test
  void aReportedLinkStaysWithItsStateWhenHealthy() {
    catalogued("r1", record("r1", URL));
    board.reported(report("p1", "r1", URL, T0, null));
    board.health("r1", health("r1", URL, LinkState.HEALTHY, null));
    assertThat(board.open()).singleElement().extracting(BrokenLink::linkState).isEqualTo("HEALTHY");
  }

  @Test
  void aBrokenLinkHealthReadBeforeItsRecordShowsOnceTheRecordIsPublished() {
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    assertThat(board.open()).isEmpty();
    catalogued("r1", record("r1", URL));
    assertThat(board.open()).singleElement().extracting(BrokenLink::title).isEqualTo("Git for librarians");
  }

  @Test
  void aReplacedLinkDropsWhatWasKnownAboutTheOldOne() {
    catalogued("r1", record("r1", URL));
    board.health("r1", health("r1", URL, LinkState.BROKEN, T0));
    board.reported(report("p1", "r1", URL, T0, null));
    catalogued("r1", record("r1", "https://example.net/git-moved"));
    assertThat(board.size()).isZero();
  }
}
