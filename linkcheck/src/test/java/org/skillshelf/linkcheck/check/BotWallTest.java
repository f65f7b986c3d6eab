package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotWallTest {
  private static final String URL = "https://example.org/course";

  @Test
  void recognisesACloudflareChallengeByItsHeader() {
    assertThat(BotWall.isChallenge(Answers.withHeaders(URL, 403, "<title>Just a moment</title>",
        Map.of("cf-mitigated", List.of("challenge"))))).isTrue();
  }

  @Test
  void recognisesACaptchaPageBehindA503() {
    assertThat(BotWall.isChallenge(Answers.html(URL, 503, "<p>Please complete the CAPTCHA to continue.</p>"))).isTrue();
  }

  @Test
  void recognisesAHumanVerificationPage() {
    assertThat(BotWall.isChallenge(Answers.html(URL, 403, "<h1>Verify you are human</h1>"))).isTrue();
  }

  @Test
  void aPlainForbiddenIsNotABotWall() {
    assertThat(BotWall.isChallenge(Answers.html(URL, 403, "<h1>Forbidden</h1><p>You may not read this.</p>"))).isFalse();
  }

  @Test
  void aChallengeWordingOnA200PageIsNotABotWall() {
    assertThat(BotWall.isChallenge(Answers.html(URL, 200, "<p>How a CAPTCHA works</p>"))).isFalse();
  }

  @Test
  void aServerErrorWithoutChallengeIsNotABotWall() {
    assertThat(BotWall.isChallenge(Answers.html(URL, 503, "<h1>Service unavailable</h1>"))).isFalse();
  }
}
