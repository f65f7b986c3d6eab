package org.skillshelf.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.skillshelf.fetch.FetchFailure.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages and checks links at URLs submitted by strangers, without letting them reach our
 * own network or exhaust our memory. Blocking: call it from virtual threads, as many at once as
 * you like; each host still gets at most {@code perHostConcurrency} requests at a time.
 *
 * <pre>{@code
 * try (SafeFetcher fetcher = new SafeFetcher(FetchSettings.defaults(AddressPolicy.refusingPrivate(List.of())), registry)) {
 *   FetchResult result = fetcher.fetch(FetchRequest.head(URI.create("https://example.org/")));
 * }
 * }</pre>
 *
 * <p>Metrics: counter {@code skillshelf.fetch.requests} and timer {@code skillshelf.fetch.duration},
 * both tagged {@code outcome} ({@code success}, {@code client_error}, {@code server_error}, or the
 * failure reason in lower case such as {@code forbidden_address}).
 */
public final class SafeFetcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SafeFetcher.class);
  private static final Set<Reason> EXPECTED_REFUSALS = Set.of(Reason.FORBIDDEN_ADDRESS, Reason.INVALID_URL,
      Reason.UNSUPPORTED_CONTENT_TYPE, Reason.TOO_LARGE, Reason.DECOMPRESSION_BOMB);

  private final FetchSettings settings;
  private final MeterRegistry registry;
  /** The meters of each outcome, looked up once: every fetch counts in them. */
  private final Map<String, OutcomeMeters> meters = new ConcurrentHashMap<>();
  private final HttpClient client;
  private final RetryingExchange exchange;

  public SafeFetcher(FetchSettings settings, MeterRegistry registry) {
    this(settings, registry, Clock.systemUTC());
  }

  /** With a clock for reading {@code Retry-After} dates. */
  public SafeFetcher(FetchSettings settings, MeterRegistry registry, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.client = startClient(settings);
    FailureClassifier classifier = new FailureClassifier(settings);
    this.exchange = new RetryingExchange(new Exchange(client, settings, classifier),
        new HostPermits(settings.perHostConcurrency()), new RetrySchedule(clock, new Random()),
        classifier, settings.maxAttempts());
  }

  /**
   * Fetches {@code request}. Any HTTP status is a result; only the {@link Reason}s are failures.
   *
   * @throws FetchFailure when no acceptable response could be had
   */
  public FetchResult fetch(FetchRequest request) throws FetchFailure {
    long started = System.nanoTime();
    try {
      FetchResult result = followChain(request, Deadline.after(settings.totalTimeout()), started);
      record(outcome(result.status()), started);
      return result;
    } catch (FetchFailure failure) {
      record(failure.reason().name().toLowerCase(Locale.ROOT), started);
      logFailure(request, failure);
      throw failure;
    }
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      LOG.warn("the fetcher's HTTP client did not stop cleanly: {}", e.toString());
    }
  }

  private FetchResult followChain(FetchRequest request, Deadline deadline, long started) throws FetchFailure {
    FetchTarget target = FetchTarget.of(request.uri());
    List<Redirect> redirects = new ArrayList<>();
    Set<URI> seen = new LinkedHashSet<>(List.of(target.uri()));
    while (true) {
      RetryingExchange.Outcome outcome = exchange.perform(target, request.method(), request.followRedirects(), deadline);
      Answer answer = outcome.answer();
      if (!request.followRedirects() || !answer.isRedirect()) {
        return new FetchResult(request.uri(), target.uri(), answer.status(), answer.mediaType(), answer.declaredCharset(),
            answer.body(), answer.headers(), redirects, Duration.ofNanos(System.nanoTime() - started), outcome.attempts());
      }
      FetchTarget next = FetchTarget.redirect(target.uri(), answer.header("location").orElseThrow());
      redirects.add(new Redirect(target.uri(), next.uri(), answer.status()));
      if (!seen.add(next.uri())) {
        throw new FetchFailure(Reason.REDIRECT_LOOP, "the redirects loop: " + chain(redirects));
      }
      if (redirects.size() > settings.maxRedirects()) {
        throw new FetchFailure(Reason.TOO_MANY_REDIRECTS,
            "the page redirects more than " + settings.maxRedirects() + " times");
      }
      target = next;
    }
  }

  private static String chain(List<Redirect> redirects) {
    return redirects.get(0).from() + " → "
        + redirects.stream().map(r -> r.to().toString()).collect(Collectors.joining(" → "));
  }

  private static String outcome(int status) {
    if (status >= 500) {
      return "server_error";
    }
    return status >= 400 ? "client_error" : "success";
  }

  private record OutcomeMeters(Counter requests, Timer duration) {}

  private void record(String outcome, long started) {
    OutcomeMeters counted = meters.computeIfAbsent(outcome, o -> new OutcomeMeters(
        registry.counter("skillshelf.fetch.requests", "outcome", o),
        Timer.builder("skillshelf.fetch.duration").tag("outcome", o).register(registry)));
    counted.requests().increment();
    counted.duration().record(Duration.ofNanos(System.nanoTime() - started));
  }

  private static void logFailure(FetchRequest request, FetchFailure failure) {
    if (EXPECTED_REFUSALS.contains(failure.reason())) {
      LOG.info("{} {} refused: {} ({})", request.method(), request.uri(), failure.curatorMessage(), failure.reason());
    } else {
      LOG.warn("{} {} failed: {} ({})", request.method(), request.uri(), failure.curatorMessage(), failure.reason());
    }
  }

  private static HttpClient startClient(FetchSettings settings) {
    HttpClient client = new HttpClient();
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("skillshelf-fetch");
    client.setExecutor(threads);
    client.setSocketAddressResolver(new GuardedResolver(settings.addressPolicy()));
    client.setFollowRedirects(false);
    client.setConnectTimeout(settings.connectTimeout().toMillis());
    client.setIdleTimeout(settings.readTimeout().toMillis());
    client.setMaxConnectionsPerDestination(settings.perHostConcurrency());
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, settings.userAgent()));
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("the fetcher's HTTP client did not start: " + e.getMessage(), e);
    }
    // Starting installs decoders and protocol handlers, so they come out afterwards. Transparent
    // decompression would bypass the decompressed-size cap; automatic redirects and
    // authentication would act on the server's say-so behind the address guard's back.
    client.getContentDecoderFactories().clear();
    client.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
    client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
    client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    return client;
  }
}
