package org.skillshelf.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {

  private static String canonical(String raw) throws InvalidUrlException {
    return CanonicalUrl.of(raw).value();
  }

  private static String rejection(String raw) {
    try {
      CanonicalUrl.of(raw);
    } catch (InvalidUrlException expected) {
      assertThat(expected.code()).isEqualTo("INVALID_URL");
      return expected.getMessage();
    }
    throw new AssertionError("accepted " + raw);
  }

  @Test
  void trimsSurroundingWhitespace() throws InvalidUrlException {
    assertThat(canonical("  \thttps://example.org/a \n")).isEqualTo("https://example.org/a");
  }

  @Test
  void acceptsExactly2048Characters() throws InvalidUrlException {
    String raw = "https://example.org/" + "a".repeat(2048 - 20);
    assertThat(canonical(raw)).hasSize(2048);
  }

  @Test
  void refusesMoreThan2048Characters() {
    assertThat(rejection("https://example.org/" + "a".repeat(2049 - 20)))
        .contains("longer than 2,048 characters");
  }

  @Test
  void refusesAnAddressThatGrowsPast2048CharactersWhenEncoded() {
    assertThat(rejection("https://example.org/" + "é".repeat(1000)))
        .contains("longer than 2,048 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.org/", "mailto:a@example.org", "javascript:alert(1)",
      "file:///etc/passwd", "data:text/html,hi"})
  void refusesSchemesOtherThanHttpAndHttps(String raw) {
    assertThat(rejection(raw)).startsWith("The address must start with http:// or https://.");
  }

  @Test
  void suggestsHttpsWhenTheSchemeIsMissing() {
    assertThat(rejection("example.org/x"))
        .isEqualTo("The address must start with http:// or https://."
            + " Did you mean \u201chttps://example.org/x\u201d?");
  }

  @Test
  void suggestsHttpsForAHostWithPortAndNoScheme() {
    assertThat(rejection("example.org:8080/x")).contains("https://example.org:8080/x");
  }

  @Test
  void suggestsHttpsForAProtocolRelativeAddress() {
    assertThat(rejection("//example.org/x")).contains("https://example.org/x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://", "https:///path", "http://:80/", "https:example.org",
      "https://?q=1", "https://#top"})
  void refusesAnAddressWithoutHost(String raw) {
    assertThat(rejection(raw)).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:secret@example.org/", "https://user@example.org/",
      "https://@example.org/", "https://example.org@evil.example/"})
  void refusesCredentials(String raw) {
    assertThat(rejection(raw)).contains("user name or password");
  }

  @Test
  void keepsAnAtSignInThePath() throws InvalidUrlException {
    assertThat(canonical("https://example.org/@someone")).isEqualTo("https://example.org/@someone");
  }

  @Test
  void lowerCasesSchemeAndHost() throws InvalidUrlException {
    assertThat(canonical("HTTPS://WWW.Example.ORG/Path")).isEqualTo("https://www.example.org/Path");
  }

  @Test
  void writesInternationalHostsInPunycode() throws InvalidUrlException {
    assertThat(canonical("https://Bücher.example/")).isEqualTo("https://xn--bcher-kva.example/");
  }

  @Test
  void refusesAHostThatIsNotAValidInternationalName() {
    assertThat(rejection("https://" + "ü".repeat(70) + ".example/")).contains("host name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://exa mple.org/", "https://exa<mple.org/", "https://a..b/",
      "https://ex%41mple.org/", "https://example.org\\path", "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.org/"})
  void refusesMalformedHostNames(String raw) {
    assertThat(rejection(raw)).containsIgnoringCase("host");
  }

  @Test
  void removesATrailingDotFromTheHost() throws InvalidUrlException {
    assertThat(canonical("https://example.org./a")).isEqualTo("https://example.org/a");
  }

  @CsvSource({
    "http://example.org:80/, http://example.org/",
    "https://example.org:443/, https://example.org/",
    "https://example.org:/, https://example.org/",
    "http://example.org:0080/, http://example.org/",
    "http://example.org:443/, http://example.org:443/",
    "https://example.org:8443/, https://example.org:8443/"
  })
  @ParameterizedTest
  void dropsOnlyTheDefaultPortOfTheScheme(String raw, String expected) throws InvalidUrlException {
    assertThat(canonical(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.org:0/", "https://example.org:65536/",
      "https://example.org:99999999999/", "https://example.org:8o/", "https://example.org:-1/",
      "https://example.org:80:80/", "https://example.org:\u0661\u0662/"})
  void refusesInvalidPorts(String raw) {
    assertThat(rejection(raw)).isEqualTo("The port must be a number from 1 to 65535.");
  }

  @CsvSource({
    "http://[::1]/, http://[::1]/",
    "http://[2001:DB8:0:0:0:0:0:1]:8080/, http://[2001:db8::1]:8080/",
    "http://[0:0:0:0:0:ffff:192.0.2.1]/, http://[::ffff:c000:201]/",
    "http://[2001:db8:0:0:1:0:0:1]/, http://[2001:db8::1:0:0:1]/",
    "https://[2001:db8::]:443/, https://[2001:db8::]/"
  })
  @ParameterizedTest
  void writesIpv6HostsInRfc5952Form(String raw, String expected) throws InvalidUrlException {
    assertThat(canonical(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://[::1/", "http://[1::2::3]/", "http://[fe80::1%25eth0]/",
      "http://[12345::]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[v1.x]/", "http://[::1]x/",
      "http://[::256.0.0.1]/", "http://[]/"})
  void refusesMalformedIpv6Hosts(String raw) {
    assertThat(rejection(raw)).contains("IPv6");
  }

  @Test
  void givesAnEmptyPathASlash() throws InvalidUrlException {
    assertThat(canonical("https://example.org")).isEqualTo("https://example.org/");
    assertThat(canonical("https://example.org?a=1")).isEqualTo("https://example.org/?a=1");
  }

  @CsvSource({
    "https://example.org/a/b/c/./../../g, https://example.org/a/g",
    "https://example.org/a/b/.., https://example.org/a/",
    "https://example.org/../../x, https://example.org/x",
    "https://example.org/a/./b/., https://example.org/a/b/",
    "https://example.org/a/%2E%2E/b, https://example.org/b",
    "https://example.org/a//b/../c, https://example.org/a//c"
  })
  @ParameterizedTest
  void resolvesDotSegments(String raw, String expected) throws InvalidUrlException {
    assertThat(canonical(raw)).isEqualTo(expected);
  }

  @CsvSource({
    "https://example.org/%7e%41b%2d, https://example.org/~Ab-",
    "https://example.org/a%2fb%3f, https://example.org/a%2Fb%3F",
    "https://example.org/a b, https://example.org/a%20b",
    "https://example.org/café?q=crème, https://example.org/caf%C3%A9?q=cr%C3%A8me",
    "https://example.org/100%, https://example.org/100%25",
    "https://example.org/%zz, https://example.org/%25zz",
    "https://example.org/[x]{y}|^`\"<>\\, https://example.org/%5Bx%5D%7By%7D%7C%5E%60%22%3C%3E%5C",
    "https://example.org/a?b=/c?d, https://example.org/a?b=/c?d",
    "https://example.org/\uD83D\uDE00, https://example.org/%F0%9F%98%80",
    "https://example.org/\uD800, https://example.org/%EF%BF%BD"
  })
  @ParameterizedTest
  void normalisesPercentEncoding(String raw, String expected) throws InvalidUrlException {
    assertThat(canonical(raw)).isEqualTo(expected);
  }

  @Test
  void dropsTheFragment() throws InvalidUrlException {
    assertThat(canonical("https://example.org/a?b=1#section-2")).isEqualTo("https://example.org/a?b=1");
  }

  @Test
  void removesTrackingParametersAndKeepsTheOthersInTheirOrder() throws InvalidUrlException {
    assertThat(canonical("https://example.org/?z=1&utm_source=x&a=2&fbclid=y&UTM_Medium=m&m=3"))
        .isEqualTo("https://example.org/?z=1&a=2&m=3");
  }

  @Test
  void dropsTheQuestionMarkWhenNoParameterIsLeft() throws InvalidUrlException {
    assertThat(canonical("https://example.org/a?utm_source=x&gclid=1")).isEqualTo("https://example.org/a");
    assertThat(canonical("https://example.org/a?")).isEqualTo("https://example.org/a");
    assertThat(canonical("https://example.org/a?&&")).isEqualTo("https://example.org/a");
  }

  @Test
  void keepsRepeatedAndValuelessParameters() throws InvalidUrlException {
    assertThat(canonical("https://example.org/?a=1&a=2&flag&b="))
        .isEqualTo("https://example.org/?a=1&a=2&flag&b=");
  }

  @Test
  void usesTheGivenTrackingList() throws InvalidUrlException {
    TrackingParameters onlyRef = TrackingParameters.parse("ref");
    assertThat(CanonicalUrl.of("https://example.org/?ref=x&utm_source=y", onlyRef).value())
        .isEqualTo("https://example.org/?utm_source=y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.org/a\nb", "https://exa\tmple.org/", "https://example.org/\u0000"})
  void refusesControlCharacters(String raw) {
    assertThat(rejection(raw)).contains("control character");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void refusesAnEmptyAddress(String raw) {
    assertThat(rejection(raw)).isEqualTo("The address is empty.");
  }

  @Test
  void resourceIdIsRPlusTwentyHexDigitsOfSha256() throws InvalidUrlException {
    // Golden values: if these change, every stored resourceId is orphaned.
    assertThat(CanonicalUrl.of("https://example.org").resourceId()).isEqualTo("r8198d1bac40a1033653a");
    assertThat(CanonicalUrl.of("HTTPS://Example.org:443/a/../b?utm_source=x&id=7#top").resourceId())
        .isEqualTo("r135102c83d9db3e7b074");
  }

  @Test
  void sameResourceIdForVariantsOfOneAddress() throws InvalidUrlException {
    String id = CanonicalUrl.of("https://example.org/guide?id=7").resourceId();
    assertThat(CanonicalUrl.of("https://EXAMPLE.org:443/guide?utm_campaign=x&id=7#intro").resourceId())
        .isEqualTo(id);
  }

  @Test
  void uriAndHostAreReadFromTheCanonicalValue() throws InvalidUrlException {
    CanonicalUrl url = CanonicalUrl.of("https://Docs.Example.org:8443/a b");
    assertThat(url.uri().getRawPath()).isEqualTo("/a%20b");
    assertThat(url.uri().getPort()).isEqualTo(8443);
    assertThat(url.host()).isEqualTo("docs.example.org");
    assertThat(CanonicalUrl.of("http://[::1]:8080/").host()).isEqualTo("[::1]");
    assertThat(CanonicalUrl.of("http://under_score.example/").host()).isEqualTo("under_score.example");
  }

  @Test
  void constructorRefusesAResourceIdThatDoesNotBelongToTheValue() {
    assertThatThrownBy(() -> new CanonicalUrl("https://example.org/", "r0000"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
