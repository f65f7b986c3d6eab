package org.skillshelf.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.skillshelf.testing.TickingClock;

class SessionStoreTest {
  private final TickingClock clock = new TickingClock();
  private final SessionStore sessions = new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), 3);

  @Test
  void namesTheCuratorOfAnOpenSession() {
    String id = sessions.open("ada");
    assertThat(sessions.curator(id)).contains("ada");
  }

  @Test
  void idsAreRandom256BitValues() {
    String first = sessions.open("ada");
    String second = sessions.open("ada");
    assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void forgetsASessionIdleForTheTimeout() {
    String id = sessions.open("ada");
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.curator(id)).isEmpty();
  }

  @Test
  void useRestartsTheIdleTimer() {
    String id = sessions.open("ada");
    clock.advance(Duration.ofMinutes(20));
    sessions.curator(id);
    clock.advance(Duration.ofMinutes(20));
    assertThat(sessions.curator(id)).contains("ada");
  }

  @Test
  void endsEvenABusySessionAfterItsLifetime() {
    String id = sessions.open("ada");
    for (int i = 0; i < 25; i++) {
      clock.advance(Duration.ofMinutes(29));
      sessions.curator(id);
    }
    assertThat(sessions.curator(id)).isEmpty();
  }

  @Test
  void unknownAndClosedSessionsNameNobody() {
    String id = sessions.open("ada");
    sessions.close(id);
    assertThat(sessions.curator(id)).isEmpty();
    assertThat(sessions.curator("made-up")).isEmpty();
  }

  @Test
  void dropsTheLeastRecentlyUsedSessionWhenFull() {
    String oldest = sessions.open("ada");
    clock.advance(Duration.ofSeconds(1));
    String middle = sessions.open("grace");
    clock.advance(Duration.ofSeconds(1));
    String newest = sessions.open("alan");
    clock.advance(Duration.ofSeconds(1));
    sessions.curator(oldest);
    sessions.open("edsger");
    assertThat(sessions.size()).isEqualTo(3);
    assertThat(sessions.curator(middle)).isEmpty();
    assertThat(sessions.curator(oldest)).contains("ada");
    assertThat(sessions.curator(newest)).contains("alan");
  }

  @Test
  void refusesAnIdleTimeoutLongerThanTheLifetime() {
    assertThatThrownBy(() -> new SessionStore(clock, Duration.ofHours(2), Duration.ofHours(1), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
