package org.skillshelf.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.CheckOutcome;
import org.skillshelf.events.LinkCheck;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;

class EventSerdeTest {
  private final EventSerde<LinkCheck> serde = EventSerde.of(LinkCheck.class, LinkCheck.VERSION);

  @Test
  void roundTripsAnEvent() {
    var check = new LinkCheck(1, "r1", "https://example.org/", CheckOutcome.OK, 200, null, 12, "fine", Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(serde.deserialize("t", serde.serialize("t", check))).isEqualTo(check);
  }

  @Test
  void refusesAVersionThisBuildDoesNotKnow() {
    byte[] future = "{\"v\": 2, \"resourceId\": \"r1\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serde.deserialize("t", future))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown version 2");
  }

  @Test
  void refusesMalformedJsonWithTheTopicInTheMessage() {
    assertThatThrownBy(() -> serde.deserialize("skillshelf.link-checks", "{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("skillshelf.link-checks");
  }

  @Test
  void ignoresFieldsAddedByANewerWriterOfTheSameVersion() {
    byte[] json = ("{\"v\":1,\"resourceId\":\"r1\",\"url\":\"u\",\"outcome\":\"OK\",\"status\":200,\"latencyMs\":1,"
        + "\"checkedAt\":\"2026-11-26T10:00:00Z\",\"somethingNew\":true}").getBytes(StandardCharsets.UTF_8);
    assertThat(serde.deserialize("t", json).resourceId()).isEqualTo("r1");
  }

  @Test
  void readsAVersionOneLinkHealthWhoseHistoryRepeatedTheLink() {
    byte[] v1 = ("{\"v\":1,\"resourceId\":\"r1\",\"url\":\"https://example.org/a\",\"state\":\"HEALTHY\","
        + "\"consecutiveFailures\":0,\"lastCheckedAt\":\"2026-11-26T10:00:00Z\",\"history\":[{\"v\":1,\"resourceId\":\"r1\","
        + "\"url\":\"https://example.org/a\",\"outcome\":\"OK\",\"status\":200,\"latencyMs\":12,"
        + "\"checkedAt\":\"2026-11-26T10:00:00Z\"}]}").getBytes(StandardCharsets.UTF_8);
    LinkHealth health = EventSerde.of(LinkHealth.class, LinkHealth.VERSION).deserialize("t", v1);
    assertThat(health.history()).containsExactly(
        new LinkHealth.PastCheck(CheckOutcome.OK, 200, null, 12, null, Instant.parse("2026-11-26T10:00:00Z")));
  }

  @Test
  void aHealthsHistoryNamesTheLinkOnce() {
    var check = new LinkCheck(1, "r1", "https://example.org/a", CheckOutcome.OK, 200, null, 12, "fine", Instant.parse("2026-11-26T10:00:00Z"));
    var health = new LinkHealth(LinkHealth.VERSION, "r1", "https://example.org/a", LinkState.HEALTHY, 0, null, check.checkedAt(),
        check.checkedAt(), check, java.util.Collections.nCopies(LinkHealth.HISTORY, LinkHealth.PastCheck.of(check)), null);
    String json = new String(EventSerde.of(LinkHealth.class, LinkHealth.VERSION).serialize("t", health), StandardCharsets.UTF_8);
    assertThat(json.split("example.org/a", -1)).as("the url, once in the health and once in its last outcome").hasSize(3);
    assertThat(health.history().getFirst().of("r1", "https://example.org/a")).isEqualTo(check);
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void refusesAVersionWrittenAsAString() {
    byte[] json = ("{\"v\":\"1\",\"resourceId\":\"r1\",\"url\":\"u\",\"outcome\":\"OK\",\"status\":200,\"latencyMs\":1,"
        + "\"checkedAt\":\"2026-11-26T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serde.deserialize("t", json))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown version \"1\"");
  }

  @Test
  void refusesAnEventWithoutAVersion() {
    byte[] json = "{\"resourceId\":\"r1\",\"url\":\"u\",\"outcome\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serde.deserialize("t", json))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown version null");
  }

  @Test
  void refusesAJsonArray() {
    assertThatThrownBy(() -> serde.deserialize("t", "[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("not a JSON object");
  }
}
