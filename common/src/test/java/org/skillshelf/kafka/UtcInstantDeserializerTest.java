package org.skillshelf.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Instants read by position read exactly as the JDK reads them, and other spellings still go to Jackson. */
class UtcInstantDeserializerTest {

  @Property
  void readsEveryInstantAsTheJdkWritesIt(
      @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds, @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);

    assertThat(UtcInstantDeserializer.parse(instant.toString())).isEqualTo(instant);
  }

  @Property
  void neverDisagreesWithTheJdkOnAnyString(@ForAll String text) {
    Instant fast = UtcInstantDeserializer.parse(text);
    if (fast != null) {
      assertThat(fast).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void leavesOtherSpellingsToJackson() throws Exception {
    assertThat(UtcInstantDeserializer.parse("2026-11-27T10:00:00+01:00")).isNull();
    assertThat(UtcInstantDeserializer.parse("2026-11-27T23:59:60Z")).isNull();
    assertThat(UtcInstantDeserializer.parse("2026-02-30T10:00:00Z")).isNull();
    assertThat(UtcInstantDeserializer.parse("2026-11-27T10:00:00.1234567890Z")).isNull();

    assertThat(Json.mapper().readValue("\"2026-11-27T10:00:00+01:00\"", Instant.class)).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
    assertThat(Json.mapper().readValue("1764237600", Instant.class)).isEqualTo(Instant.parse("2025-11-27T10:00:00Z"));
    assertThat(Json.mapper().readValue("\"2026-11-27T10:00:00.5Z\"", Instant.class)).isEqualTo(Instant.parse("2026-11-27T10:00:00.500Z"));
  }

  @Test
  void refusesAnImpossibleDateWithJacksonsError() {
    assertThatThrownBy(() -> Json.mapper().readValue("\"2026-02-30T10:00:00Z\"", Instant.class))
        .isInstanceOfAny(InvalidFormatException.class, DateTimeException.class, com.fasterxml.jackson.databind.JsonMappingException.class);
  }
}
