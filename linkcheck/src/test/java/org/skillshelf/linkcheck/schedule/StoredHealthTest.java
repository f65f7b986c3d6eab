package org.skillshelf.linkcheck.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkHealth.PastCheck;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.Topics;

class StoredHealthTest {
  private static final String URL = "https://example.org/lessons/ünïcode?q=1";
  private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123456789Z");
  private static final StoredHealth.KnownGood NONE_GOOD = new StoredHealth.KnownGood(0, 0);

  /** A full history that uses every field: final addresses of every kind, details, negative and large numbers. */
  private static LinkHealth degradedWithFullHistory() {
    List<PastCheck> history = new ArrayList<>();
    CheckOutcome[] outcomes = CheckOutcome.values();
    for (int i = 0; i < LinkHealth.HISTORY; i++) {
      String finalUrl = switch (i % 3) {
        case 0 -> URL;
        case 1 -> null;
        default -> "https://example.org/moved/" + i;
      };
      history.add(new PastCheck(outcomes[i % outcomes.length], i % 2 == 0 ? 200 : -1, finalUrl, i * 1_000_000_007L,
          i % 4 == 0 ? null : "detail «" + i + "» <script>", AT.minusSeconds(3_600L * i)));
    }
    LinkCheck last = new LinkCheck(LinkCheck.VERSION, "r-1", URL, CheckOutcome.TIMEOUT, 0, null, 30_000, "read timed out", AT);
    return new LinkHealth(LinkHealth.VERSION, "r-1", URL, LinkState.DEGRADED, 2, AT.minusSeconds(7_200), AT,
        Instant.EPOCH.minusSeconds(5), last, history, AT.plusSeconds(86_400));
  }

  @Test
  void aHealthReadsBackAsItWasWritten() {
    LinkHealth health = degradedWithFullHistory();
    assertThat(StoredHealth.decode(StoredHealth.encode(health, NONE_GOOD))).isEqualTo(health);
  }

  @Test
  void aHealthWithNothingYetReadsBackAsItWasWritten() {
    LinkHealth unchecked = new LinkHealth(LinkHealth.VERSION, "r-2", "http://127.0.0.1/", LinkState.UNCHECKED, 0, null, null, null,
        null, List.of(), null);
    assertThat(StoredHealth.decode(StoredHealth.encode(unchecked, NONE_GOOD))).isEqualTo(unchecked);
    assertThat(StoredHealth.decode(null)).isNull();
  }

  @Test
  void aLastOutcomeOfAnotherAddressKeepsItsOwn() {
    LinkCheck elsewhere = new LinkCheck(LinkCheck.VERSION, "r-0", "https://old.example.org/", CheckOutcome.OK, 200,
        "https://old.example.org/", 12, null, AT);
    LinkHealth health = new LinkHealth(LinkHealth.VERSION, "r-1", URL, LinkState.HEALTHY, 0, null, AT, AT, elsewhere, List.of(), null);
    assertThat(StoredHealth.decode(StoredHealth.encode(health, NONE_GOOD))).isEqualTo(health);
  }

  @Test
  void aFullHistoryTakesAFractionOfItsJson() {
    LinkHealth health = degradedWithFullHistory();
    int json = Topics.LINK_HEALTH.serde().serializer().serialize("t", health).length;
    assertThat(StoredHealth.encode(health, NONE_GOOD).length).isLessThan(json / 2);
  }

  @Test
  void theJsonThatEarlierStoresHoldStillReads() {
    LinkHealth health = degradedWithFullHistory();
    byte[] json = Topics.LINK_HEALTH.serde().serializer().serialize("t", health);
    assertThat(StoredHealth.decode(json)).isEqualTo(health);
  }

  @Test
  void aDamagedValueFailsWithItsLengthNotWithAnIndexError() {
    byte[] whole = StoredHealth.encode(degradedWithFullHistory(), NONE_GOOD);
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> StoredHealth.decode(cut)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("stored link health unreadable (" + cut.length + " bytes)");
  }

  @Test
  void outcomesAndStatesKeepTheirPositionsSinceTheyAreStoredByThem() {
    assertThat(CheckOutcome.values()).as("add new outcomes at the end").containsExactly(CheckOutcome.OK, CheckOutcome.REDIRECTED,
        CheckOutcome.NOT_FOUND, CheckOutcome.GONE, CheckOutcome.CLIENT_ERROR, CheckOutcome.SERVER_ERROR, CheckOutcome.TIMEOUT,
        CheckOutcome.DNS_FAILURE, CheckOutcome.CONNECTION_FAILED, CheckOutcome.TLS_ERROR, CheckOutcome.SOFT_404,
        CheckOutcome.RATE_LIMITED, CheckOutcome.BLOCKED, CheckOutcome.CONTENT_CHANGED);
    assertThat(LinkState.values()).as("add new states at the end").containsExactly(LinkState.UNCHECKED, LinkState.HEALTHY,
        LinkState.DEGRADED, LinkState.BROKEN);
  }

  @Test
  void thePageFoundFineIsKeptWithTheHealth() {
    LinkHealth health = degradedWithFullHistory();
    var good = new StoredHealth.KnownGood(-7_777_777_777L, 42L);
    StoredHealth.Stored read = StoredHealth.read(StoredHealth.encode(health, good));
    assertThat(read.health()).isEqualTo(health);
    assertThat(read.knownGood()).isEqualTo(good);
  }

  @Test
  void aHealthStoredAsJsonKnowsNoPageFoundFine() {
    byte[] json = Topics.LINK_HEALTH.serde().serializer().serialize("t", degradedWithFullHistory());
    assertThat(StoredHealth.read(json).knownGood()).isNull();
  }
}
