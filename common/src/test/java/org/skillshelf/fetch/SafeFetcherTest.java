package org.skillshelf.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillshelf.fetch.FetchFailure.Reason;

/** Every request here goes to a loopback test server; most tests allow 127.0.0.0/8 to reach it. */
class SafeFetcherTest {
  private static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.refusingPrivate(List.of("127.0.0.0/8"));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private MisbehavingServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = closeLater(MisbehavingServer.startOn("127.0.0.1"));
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable closeable : toClose.reversed()) {
      closeable.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:%d/ok", "http://localhost:%d/ok", "http://2130706433:%d/ok",
      "http://0x7f.1:%d/ok", "http://[::1]:%d/ok", "http://[::ffff:127.0.0.1]:%d/ok"})
  void defaultPolicyRefusesLoopbackWithoutSendingAnything(String spelling) {
    SafeFetcher fetcher = closeLater(new SafeFetcher(FetchSettings.defaults(AddressPolicy.refusingPrivate(List.of())), registry));

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(URI.create(spelling.formatted(server.port())))))
        .isInstanceOfSatisfying(FetchFailure.class, failure -> {
          assertThat(failure.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
          assertThat(failure.curatorMessage()).endsWith("is a loopback address and may not be fetched");
        });
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void fetchesPageWithStatusTypeCharsetAndHeaders() throws FetchFailure {
    FetchResult result = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/ok")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.mediaType()).isEqualTo("text/html");
    assertThat(result.declaredCharset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(result.text()).isEqualTo("<html><title>Hello</title>ok</html>");
    assertThat(result.header("CONTENT-TYPE")).contains("text/html; charset=utf-8");
    assertThat(result.headers()).containsKey("content-type");
    assertThat(result.redirects()).isEmpty();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.finalUri()).isEqualTo(server.uri("/ok"));
  }

  @Test
  void introducesItselfAndAsksForCompressionItCanCap() throws FetchFailure {
    String headers = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/echo-headers"))).text();

    assertThat(headers).contains("user-agent: SkillshelfBot/0.1 (+https://github.com/skillshelf/skillshelf)\n")
        .contains("accept-encoding: gzip, deflate\n");
  }

  @Test
  void neverSendsBackCookies() throws FetchFailure {
    SafeFetcher fetcher = fetcher(s -> s);
    fetcher.fetch(FetchRequest.get(server.uri("/set-cookie")));

    assertThat(fetcher.fetch(FetchRequest.get(server.uri("/echo-headers"))).text()).doesNotContain("cookie");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/windows-1252-header", "/windows-1252-meta"})
  void decodesWindows1252FromHeaderOrMeta(String path) throws FetchFailure {
    assertThat(fetcher(s -> s).fetch(FetchRequest.get(server.uri(path))).text()).contains("<p>café – naïve</p>");
  }

  @Test
  void decodesCharsetFromMetaHttpEquiv() throws FetchFailure {
    assertThat(fetcher(s -> s).fetch(FetchRequest.get(server.uri("/windows-1252-http-equiv"))).text()).contains("<p>café</p>");
  }

  @Test
  void decodesUtf16ByByteOrderMark() throws FetchFailure {
    assertThat(fetcher(s -> s).fetch(FetchRequest.get(server.uri("/utf-16-bom"))).text()).isEqualTo("<p>Grüße</p>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/gzip", "/deflate"})
  void decompressesGzipAndDeflateBodies(String path) throws FetchFailure {
    assertThat(fetcher(s -> s).fetch(FetchRequest.get(server.uri(path))).text()).startsWith("<p>compressed with ");
  }

  @Test
  void decompressesGzipSentAsHtmlWithoutContentEncoding() throws FetchFailure {
    FetchResult page = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/gzip-undeclared")));

    assertThat(page.text()).isEqualTo("<p>compressed but not labelled so</p>");
  }

  @Test
  void refusesGzipBombSentAsHtmlWithoutContentEncoding() {
    SafeFetcher fetcher = fetcher(s -> s.withMaxBytes(20 * 1024 * 1024, 4 * 1024 * 1024));

    assertThat(assertFailure(fetcher, FetchRequest.get(server.uri("/bomb-undeclared")), Reason.DECOMPRESSION_BOMB)
        .curatorMessage()).isEqualTo("the page expands to more than 4 MB when decompressed");
  }

  @Test
  void keepsDamagedUndeclaredGzipAsSentForTheReaderToJudge() throws FetchFailure {
    FetchResult page = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/gzip-undeclared-damaged")));

    assertThat(page.bodyLength()).isEqualTo(30);
    assertThat(page.body()).startsWith(0x1f, 0x8b);
  }

  @Test
  void recordsRedirectChainIncludingRelativeLocations() throws FetchFailure {
    FetchResult result = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/chain/1")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.finalUri()).isEqualTo(server.uri("/ok"));
    assertThat(result.redirects()).containsExactly(
        new Redirect(server.uri("/chain/1"), server.uri("/chain/2"), 301),
        new Redirect(server.uri("/chain/2"), server.uri("/chain/three"), 302),
        new Redirect(server.uri("/chain/three"), server.uri("/ok"), 303));
  }

  @Test
  void answersRedirectItselfWhenNotFollowing() throws FetchFailure {
    FetchResult result = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/chain/1")).withoutFollowingRedirects());

    assertThat(result.status()).isEqualTo(301);
    assertThat(result.header("location")).contains("/chain/2");
  }

  @Test
  void refusesRedirectLoop() {
    assertThat(assertFailure(fetcher(s -> s), FetchRequest.get(server.uri("/loop/a")), Reason.REDIRECT_LOOP).curatorMessage())
        .isEqualTo("the redirects loop: "
            + server.uri("/loop/a") + " → " + server.uri("/loop/b") + " → " + server.uri("/loop/a"));
  }

  @Test
  void followsTenRedirects() throws FetchFailure {
    assertThat(fetcher(s -> s).fetch(FetchRequest.get(server.uri("/hops/10"))).redirects()).hasSize(10);
  }

  @Test
  void refusesEleventhRedirect() {
    assertFailure(fetcher(s -> s), FetchRequest.get(server.uri("/hops/11")), Reason.TOO_MANY_REDIRECTS);
    assertThat(server.requestCount()).isEqualTo(11);
  }

  @Test
  void refusesRedirectFromAllowedHostToRefusedAddress() throws IOException {
    MisbehavingServer allowedHost = closeLater(MisbehavingServer.startOn("127.0.0.2"));
    SafeFetcher fetcher = fetcher(s -> s.withAddressPolicy(AddressPolicy.refusingPrivate(List.of("127.0.0.2/32"))));
    String target = URLEncoder.encode(server.uri("/ok").toString(), StandardCharsets.UTF_8);

    assertFailure(fetcher, FetchRequest.get(allowedHost.uri("/redirect?to=" + target)), Reason.FORBIDDEN_ADDRESS);
    assertThat(allowedHost.requestCount()).isEqualTo(1);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void abortsEndlessBodyAtTheCapQuickly() {
    long started = System.nanoTime();

    assertThat(assertFailure(fetcher(s -> s), FetchRequest.get(server.uri("/endless")), Reason.TOO_LARGE).curatorMessage())
        .isEqualTo("the page is larger than 20 MB");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void reportsABodyCutShortAsAFailedConnection() throws IOException {
    try (ServerSocket hangsUp = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread.ofVirtual().start(() -> {
        while (!hangsUp.isClosed()) { // every attempt, retries included
          try (Socket client = hangsUp.accept()) {
            client.getInputStream().read(new byte[4096]); // the request, unread beyond this
            client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1024\r\n\r\n"
                + "<p>a hundred bytes, not the kilobyte announced" + "!".repeat(54)).getBytes(StandardCharsets.US_ASCII));
          } catch (IOException closedOrDropped) {
            // the test's assertion tells what the fetcher made of it
          }
        }
      });
      URI cutShort = URI.create("http://127.0.0.1:" + hangsUp.getLocalPort() + "/cut-short");

      assertThat(assertFailure(fetcher(s -> s), FetchRequest.get(cutShort), Reason.CONNECTION_FAILED).curatorMessage())
          .isEqualTo("the connection to 127.0.0.1 failed or was closed early");
    }
  }

  @Test
  void followsARedirectWithoutReadingItsLongBody() throws FetchFailure {
    FetchResult result = fetcher(s -> s.withMaxBytes(1024, 1024)).fetch(FetchRequest.get(server.uri("/redirect-with-long-body")));

    assertThat(result.status()).as("the 256 KB body, over the 1 KB cap, is not read").isEqualTo(200);
    assertThat(result.finalUri()).isEqualTo(server.uri("/ok"));
  }

  @Test
  void refusesBodyDeclaredLargerThanTheCapBeforeReadingIt() {
    assertThat(assertFailure(fetcher(s -> s.withMaxBytes(1024, 1024)), FetchRequest.get(server.uri("/declared-huge")), Reason.TOO_LARGE)
        .curatorMessage()).isEqualTo("the page is larger than 1 KB");
  }

  @Test
  void reportsRefusedConnection() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }

    assertThat(assertFailure(fetcher(s -> s.withMaxAttempts(2)), FetchRequest.get(URI.create("http://127.0.0.1:" + closedPort + "/")),
        Reason.CONNECTION_FAILED).curatorMessage()).isEqualTo("the server at 127.0.0.1 refused the connection");
  }

  @Test
  void refusesGzipBomb() {
    long started = System.nanoTime();

    SafeFetcher fetcher = fetcher(s -> s.withMaxBytes(20 * 1024 * 1024, 4 * 1024 * 1024));

    assertThat(assertFailure(fetcher, FetchRequest.get(server.uri("/bomb")), Reason.DECOMPRESSION_BOMB).curatorMessage())
        .isEqualTo("the page expands to more than 4 MB when decompressed");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void timesOutOnSilentServer() {
    SafeFetcher fetcher = fetcher(s -> s.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5))
        .withMaxAttempts(1));

    assertThat(assertFailure(fetcher, FetchRequest.get(server.uri("/silent")), Reason.TIMEOUT).curatorMessage())
        .isEqualTo("the server did not answer within 300 milliseconds");
  }

  @Test
  void timesOutOnBodyThatNeverEnds() {
    SafeFetcher fetcher = fetcher(s -> s.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1))
        .withMaxAttempts(1));

    assertThat(assertFailure(fetcher, FetchRequest.get(server.uri("/trickle")), Reason.TIMEOUT).curatorMessage())
        .isEqualTo("the page did not finish loading within 1 second");
  }

  @Test
  void retriesServiceUnavailableAndReportsAttempts() throws FetchFailure {
    FetchResult result = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/flaky")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.attempts()).isEqualTo(2);
  }

  @Test
  void keepsLastServerErrorWhenAttemptsRunOut() throws FetchFailure {
    FetchResult result = fetcher(s -> s.withMaxAttempts(2)).fetch(FetchRequest.get(server.uri("/always-503")));

    assertThat(result.status()).isEqualTo(503);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void neverRetriesWhenMaxAttemptsIsOne() throws FetchFailure {
    FetchResult result = fetcher(s -> s.withMaxAttempts(1)).fetch(FetchRequest.get(server.uri("/flaky")));

    assertThat(result.status()).isEqualTo(503);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void waitsAsToldByRetryAfterOnTooManyRequests() throws FetchFailure {
    FetchResult result = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/throttled")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void keepsTooManyRequestsWhenAskedToWaitTooLong() throws FetchFailure {
    FetchResult result = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/throttled-for-an-hour")));

    assertThat(result.status()).isEqualTo(429);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void notFoundIsAResultNotAFailure() throws FetchFailure {
    FetchResult result = fetcher(s -> s).fetch(FetchRequest.get(server.uri("/missing")));

    assertThat(result.status()).isEqualTo(404);
    assertThat(result.text()).isEqualTo("<p>not here</p>");
  }

  @Test
  void neverExceedsPerHostConcurrency() throws Exception {
    SafeFetcher fetcher = fetcher(s -> s.withPerHostConcurrency(2));
    List<Future<FetchResult>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 8; i++) {
        results.add(threads.submit(() -> fetcher.fetch(FetchRequest.get(server.uri("/busy")))));
      }
    }

    for (Future<FetchResult> result : results) {
      assertThat(result.get().status()).isEqualTo(200);
    }
    assertThat(server.maxConcurrentRequests()).isEqualTo(2);
  }

  @Test
  void headRequestGetsHeadersWithoutBody() throws FetchFailure {
    FetchResult result = fetcher(s -> s).fetch(FetchRequest.head(server.uri("/ok")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.mediaType()).isEqualTo("text/html");
    assertThat(result.bodyLength()).isZero();
  }

  @Test
  void refusesContentTypeOutsideAllowList() {
    SafeFetcher fetcher = fetcher(s -> s.withAllowedContentTypes(Set.of("text/html", "text/*")));

    assertThat(assertFailure(fetcher, FetchRequest.get(server.uri("/pdf")), Reason.UNSUPPORTED_CONTENT_TYPE).curatorMessage())
        .isEqualTo("the page is of type application/pdf, which is not one of text/*, text/html");
  }

  @Test
  void allowListAcceptsWildcardSubtype() throws FetchFailure {
    SafeFetcher fetcher = fetcher(s -> s.withAllowedContentTypes(Set.of("text/*")));

    assertThat(fetcher.fetch(FetchRequest.get(server.uri("/flaky"))).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1/file", "file:///etc/passwd", "mailto:someone@example.org", "/relative/path",
      "http://1.2.3.999/", "http://exa%20mple.org/"})
  void refusesAddressesThatAreNotFetchableWebAddresses(String address) {
    assertFailure(fetcher(s -> s), FetchRequest.get(URI.create(address)), Reason.INVALID_URL);
  }

  @Test
  void countsOutcomesAndTimesThem() throws FetchFailure {
    SafeFetcher fetcher = fetcher(s -> s);
    fetcher.fetch(FetchRequest.get(server.uri("/ok")));
    fetcher.fetch(FetchRequest.get(server.uri("/missing")));
    assertFailure(fetcher, FetchRequest.get(URI.create("ftp://127.0.0.1/")), Reason.INVALID_URL);

    assertThat(registry.get("skillshelf.fetch.requests").tag("outcome", "success").counter().count()).isEqualTo(1);
    assertThat(registry.get("skillshelf.fetch.requests").tag("outcome", "client_error").counter().count()).isEqualTo(1);
    assertThat(registry.get("skillshelf.fetch.requests").tag("outcome", "invalid_url").counter().count()).isEqualTo(1);
    assertThat(registry.get("skillshelf.fetch.duration").tag("outcome", "success").timer().count()).isEqualTo(1);
  }

  private SafeFetcher fetcher(UnaryOperator<FetchSettings> adjust) {
    return closeLater(new SafeFetcher(adjust.apply(FetchSettings.defaults(LOOPBACK_ALLOWED)), registry));
  }

  private static FetchFailure assertFailure(SafeFetcher fetcher, FetchRequest request, Reason reason) {
    try {
      FetchResult unexpected = fetcher.fetch(request);
      throw new AssertionError("expected " + reason + " but got " + unexpected);
    } catch (FetchFailure failure) {
      assertThat(failure.reason()).as(failure.curatorMessage()).isEqualTo(reason);
      return failure;
    }
  }

  private <T extends AutoCloseable> T closeLater(T closeable) {
    toClose.add(closeable);
    return closeable;
  }
}
