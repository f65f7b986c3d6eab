package org.skillshelf.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class CanonicalUrlPropertiesTest {

  private static final String URL_CHARACTERS =
      "azAZ09-._~!$&'()*+,;=:@/?#[]%\\|^`{}<> \"\t\né€\u0130\u200d\uFF0E\u3002";

  @Property(tries = 3000)
  void neverFailsWithAnythingButARejection(@ForAll("hostileInput") String raw) {
    try {
      // The package-private steps, so that the defensive catch in of() cannot hide a defect.
      String value = CanonicalForm.of(raw, TrackingParameters.defaults());
      assertThat(value).startsWith("http");
    } catch (InvalidUrlException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
      assertThat(rejected.code()).isEqualTo("INVALID_URL");
    }
  }

  @Property(tries = 3000)
  void canonicalisingACanonicalValueChangesNothing(@ForAll("messyAddresses") String raw) {
    CanonicalUrl first;
    try {
      first = CanonicalUrl.of(raw);
    } catch (InvalidUrlException rejected) {
      Statistics.label("accepted").collect(false);
      return;
    }
    Statistics.label("accepted").collect(true);
    assertThat(reCanonicalised(first)).isEqualTo(first);
    // Without enough accepted inputs this property would prove nothing.
    Statistics.label("accepted").coverage(coverage -> coverage.check(true).percentage(p -> p > 15));
  }

  @Property(tries = 1000)
  void generatedAddressesAreIdempotentAndParseAsUris(@ForAll("addresses") String raw)
      throws InvalidUrlException {
    CanonicalUrl url = CanonicalUrl.of(raw);
    assertThat(reCanonicalised(url)).isEqualTo(url);
    assertThat(url.uri().toString()).isEqualTo(url.value());
    assertThat(url.uri().getFragment()).isNull();
  }

  @Property(tries = 1000)
  void variantsOfAnAddressShareItsResourceId(
      @ForAll("addresses") String raw,
      @ForAll("trackingPairs") List<String> tracking,
      @ForAll("fragments") String fragment)
      throws InvalidUrlException {
    String variant = withDefaultPort(upperCaseHost(withTracking(raw, tracking))) + fragment;
    assertThat(CanonicalUrl.of(variant).resourceId()).isEqualTo(CanonicalUrl.of(raw).resourceId());
  }

  private static CanonicalUrl reCanonicalised(CanonicalUrl url) {
    try {
      return CanonicalUrl.of(url.value());
    } catch (InvalidUrlException rejected) {
      throw new AssertionError("canonical value " + url.value() + " was rejected", rejected);
    }
  }

  @Provide
  Arbitrary<String> hostileInput() {
    Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(80);
    Arbitrary<String> urlish = Arbitraries.strings().withChars(URL_CHARACTERS).ofMaxLength(60);
    Arbitrary<String> prefix = Arbitraries.of("http://", "HTTPS://", "https://[", "http://a.b", "");
    Arbitrary<String> prefixed = Combinators.combine(prefix, urlish).as(String::concat);
    Arbitrary<String> tooLong = Arbitraries.strings().withChars("a/%é").ofMinLength(2000)
        .ofMaxLength(2100).map(tail -> "https://example.org/" + tail);
    return Arbitraries.oneOf(anyText, urlish, prefixed, prefixed, tooLong);
  }

  /** Hostile input, and addresses with a usable host followed by anything at all. */
  @Provide
  Arbitrary<String> messyAddresses() {
    Arbitrary<String> authority = Arbitraries.of("http://Example.ORG", "https://b\u00fccher.example.",
        "HTTP://[0:0::1]:80", "https://a.b:443", "http://x.y:08080", "https://xn--bcher-kva.example");
    Arbitrary<String> tail = Arbitraries.strings().withChars(URL_CHARACTERS).ofMaxLength(60);
    Arbitrary<String> separator = Arbitraries.of("/", "?", "#", "/../", "/%2e/");
    Arbitrary<String> usable = Combinators.combine(authority, separator, tail)
        .as((a, s, t) -> a + s + t);
    return Arbitraries.oneOf(hostileInput(), usable, usable, usable);
  }

  @Provide
  Arbitrary<String> addresses() {
    Arbitrary<String> scheme = Arbitraries.of("http", "https");
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789-")
        .ofMinLength(1).ofMaxLength(10).filter(l -> !l.startsWith("-"));
    Arbitrary<String> host = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> port = Arbitraries.of("", ":8080", ":81", ":444");
    Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z')
        .withChars("ÄéŝÿΩ%20.-_~!$'()*+,;=:@ ").ofMaxLength(8);
    Arbitrary<String> path = segment.list().ofMaxSize(4).map(s -> s.isEmpty() ? "" : "/" + String.join("/", s));
    Arbitrary<String> pair = Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6),
            Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789%2F é").ofMaxLength(6))
        .as((name, value) -> name + "=" + value);
    Arbitrary<String> query = pair.list().ofMaxSize(4).map(p -> p.isEmpty() ? "" : "?" + String.join("&", p));
    return Combinators.combine(scheme, host, port, path, query)
        .as((s, h, p, pa, q) -> s + "://" + h + p + pa + q)
        // A trailing space is surrounding whitespace, not part of the address.
        .map(String::strip);
  }

  @Provide
  Arbitrary<List<String>> trackingPairs() {
    Arbitrary<String> name = Arbitraries.of("utm_source", "utm_medium", "UTM_Campaign", "fbclid", "gclid", "mc_eid");
    return Combinators.combine(name, Arbitraries.strings().alpha().ofMaxLength(5))
        .as((n, v) -> n + "=" + v).list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.strings().withChars("ab#?/ é%").ofMaxLength(6).map(f -> f.isEmpty() ? "" : "#" + f);
  }

  /** Inserts tracking pairs at the start of the query (or as the whole query). */
  private static String withTracking(String url, List<String> tracking) {
    if (tracking.isEmpty()) {
      return url;
    }
    String joined = String.join("&", tracking);
    int query = url.indexOf('?');
    return query < 0 ? url + "?" + joined : url.substring(0, query + 1) + joined + "&" + url.substring(query + 1);
  }

  private static String upperCaseHost(String url) {
    int start = url.indexOf("://") + 3;
    int end = start;
    while (end < url.length() && "/?:".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return url.substring(0, start) + url.substring(start, end).toUpperCase(Locale.ROOT) + url.substring(end);
  }

  /** Adds the scheme's default port when the address has no port. */
  private static String withDefaultPort(String url) {
    int start = url.indexOf("://") + 3;
    int end = start;
    while (end < url.length() && "/?".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    if (url.substring(start, end).contains(":")) {
      return url;
    }
    String port = url.startsWith("https") ? ":443" : ":80";
    return url.substring(0, end) + port + url.substring(end);
  }
}
