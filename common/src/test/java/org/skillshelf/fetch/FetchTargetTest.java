package org.skillshelf.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchTargetTest {

  @ParameterizedTest(name = "{0} is fetched as {1}")
  @CsvSource({
      "http://2130706433:8080/x,         http://127.0.0.1:8080/x",
      "http://0x7f.1/,                   http://127.0.0.1/",
      "HTTP://Example.ORG,               http://example.org/",
      "https://user:secret@example.org/a?b=c#frag, https://example.org/a?b=c",
      "http://[0:0:0:0:0:0:0:1]:81/,     http://[::1]:81/",
      "http://example.org./p,            http://example.org/p",
      "http://bücher.example/,           http://xn--bcher-kva.example/"})
  void rewritesUrlsCanonically(String given, String fetched) throws FetchFailure {
    assertThat(FetchTarget.of(URI.create(given)).uri()).isEqualTo(URI.create(fetched));
  }

  @Test
  void resolvesRelativeRedirects() throws FetchFailure {
    assertThat(FetchTarget.redirect(URI.create("http://example.org/a/b"), "../c").uri())
        .isEqualTo(URI.create("http://example.org/c"));
  }

  @Test
  void refusesRedirectToUnreadableLocation() {
    assertThatThrownBy(() -> FetchTarget.redirect(URI.create("http://example.org/"), "http://exa mple.org/"))
        .isInstanceOfSatisfying(FetchFailure.class, failure -> assertThat(failure.curatorMessage())
            .isEqualTo("the server redirected to an address that is not valid: http://exa mple.org/"));
  }

  @Test
  void refusesRedirectToAnotherScheme() {
    assertThatThrownBy(() -> FetchTarget.redirect(URI.create("http://example.org/"), "file:///etc/passwd"))
        .isInstanceOfSatisfying(FetchFailure.class, failure -> assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.INVALID_URL));
  }
}
