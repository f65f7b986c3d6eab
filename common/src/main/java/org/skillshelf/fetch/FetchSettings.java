package org.skillshelf.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The limits one {@link SafeFetcher} enforces on every fetch.
 *
 * <pre>{@code
 * FetchSettings settings = FetchSettings.defaults(AddressPolicy.refusingPrivate(List.of()))
 *     .withMaxAttempts(1)
 *     .withAllowedContentTypes(Set.of("text/html"));
 * }</pre>
 *
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout how long the server may stay silent, before and during the response
 * @param totalTimeout how long the whole fetch may take, redirects and retries included
 * @param maxBytes the most bytes read off the wire for one response
 * @param maxDecompressedBytes the most bytes a compressed body may expand to
 * @param maxRedirects how many redirects are followed before giving up
 * @param perHostConcurrency how many requests one host gets from this fetcher at a time
 * @param allowedContentTypes media types ({@code text/html}, or {@code text/*}) a successful
 *     response must have; empty accepts any
 * @param userAgent sent with every request, so site owners can see who we are
 * @param maxAttempts tries per URL for retryable outcomes; 1 means never retry
 */
public record FetchSettings(
    AddressPolicy addressPolicy,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBytes,
    long maxDecompressedBytes,
    int maxRedirects,
    int perHostConcurrency,
    Set<String> allowedContentTypes,
    String userAgent,
    int maxAttempts) {

  public static final String DEFAULT_USER_AGENT = "SkillshelfBot/0.1 (+https://github.com/skillshelf/skillshelf)";
  private static final long MEGABYTE = 1024L * 1024L;

  public FetchSettings {
    Objects.requireNonNull(addressPolicy, "addressPolicy");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    requirePositive(totalTimeout, "totalTimeout");
    requireAtLeast(maxBytes, 1, "maxBytes");
    requireAtLeast(maxDecompressedBytes, 1, "maxDecompressedBytes");
    requireAtLeast(maxRedirects, 0, "maxRedirects");
    requireAtLeast(perHostConcurrency, 1, "perHostConcurrency");
    requireAtLeast(maxAttempts, 1, "maxAttempts");
    allowedContentTypes = allowedContentTypes.stream()
        .map(type -> type.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must name the crawler, it is blank");
    }
  }

  /**
   * Limits suited to fetching pages for enrichment: 10 s to connect, 30 s of silence, 60 s in
   * all, 20 MB on the wire, 50 MB decompressed, 10 redirects, 2 requests per host, 3 attempts.
   */
  public static FetchSettings defaults(AddressPolicy policy) {
    return new FetchSettings(policy, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
        20 * MEGABYTE, 50 * MEGABYTE, 10, 2, Set.of(), DEFAULT_USER_AGENT, 3);
  }

  public FetchSettings withAddressPolicy(AddressPolicy policy) {
    return new FetchSettings(policy, connectTimeout, readTimeout, totalTimeout, maxBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, allowedContentTypes, userAgent, maxAttempts);
  }

  public FetchSettings withTimeouts(Duration connect, Duration read, Duration total) {
    return new FetchSettings(addressPolicy, connect, read, total, maxBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, allowedContentTypes, userAgent, maxAttempts);
  }

  public FetchSettings withMaxBytes(long wire, long decompressed) {
    return new FetchSettings(addressPolicy, connectTimeout, readTimeout, totalTimeout, wire, decompressed,
        maxRedirects, perHostConcurrency, allowedContentTypes, userAgent, maxAttempts);
  }

  public FetchSettings withMaxRedirects(int redirects) {
    return new FetchSettings(addressPolicy, connectTimeout, readTimeout, totalTimeout, maxBytes, maxDecompressedBytes,
        redirects, perHostConcurrency, allowedContentTypes, userAgent, maxAttempts);
  }

  public FetchSettings withPerHostConcurrency(int concurrency) {
    return new FetchSettings(addressPolicy, connectTimeout, readTimeout, totalTimeout, maxBytes, maxDecompressedBytes,
        maxRedirects, concurrency, allowedContentTypes, userAgent, maxAttempts);
  }

  public FetchSettings withAllowedContentTypes(Set<String> types) {
    return new FetchSettings(addressPolicy, connectTimeout, readTimeout, totalTimeout, maxBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, types, userAgent, maxAttempts);
  }

  public FetchSettings withUserAgent(String agent) {
    return new FetchSettings(addressPolicy, connectTimeout, readTimeout, totalTimeout, maxBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, allowedContentTypes, agent, maxAttempts);
  }

  public FetchSettings withMaxAttempts(int attempts) {
    return new FetchSettings(addressPolicy, connectTimeout, readTimeout, totalTimeout, maxBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, allowedContentTypes, userAgent, attempts);
  }

  /** Whether a response of {@code mediaType} passes the allow-list. */
  boolean acceptsContentType(String mediaType) {
    if (allowedContentTypes.isEmpty() || allowedContentTypes.contains(mediaType)) {
      return true;
    }
    int slash = mediaType.indexOf('/');
    return slash > 0 && allowedContentTypes.contains(mediaType.substring(0, slash) + "/*");
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
  }

  private static void requireAtLeast(long value, long minimum, String name) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
    }
  }
}
