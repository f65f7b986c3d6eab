package org.skillshelf.fetch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP response a fetch ended with, whatever its status, plus how it got there.
 *
 * <pre>{@code
 * FetchResult page = fetcher.fetch(FetchRequest.get(uri));
 * if (page.status() == 200) extract(page.text());
 * }</pre>
 *
 * @param requestedUri the URI as asked for
 * @param finalUri the URI that gave this response, after redirects (in canonical form)
 * @param mediaType from {@code Content-Type}, lower-case without parameters
 * @param declaredCharset the {@code charset} parameter of {@code Content-Type}, if known here
 * @param body the decoded (decompressed) body; empty for HEAD
 * @param headers response headers by lower-case name
 * @param redirects the redirects followed, in order
 * @param elapsed from the start of the fetch to the end of the body
 * @param attempts how many tries the final URL needed (1 unless a retry happened)
 */
public record FetchResult(
    URI requestedUri,
    URI finalUri,
    int status,
    @Nullable String mediaType,
    @Nullable Charset declaredCharset,
    byte[] body,
    Map<String, List<String>> headers,
    List<Redirect> redirects,
    Duration elapsed,
    int attempts) {

  public FetchResult {
    body = body.clone();
    headers = copyLowerCase(headers);
    redirects = List.copyOf(redirects);
  }

  /** A copy of the body; see {@link #bodyStream()} to read it without copying. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  public InputStream bodyStream() {
    return new ByteArrayInputStream(body);
  }

  public int bodyLength() {
    return body.length;
  }

  /**
   * The body as text. The charset comes from a byte-order mark, else the {@code Content-Type}
   * header, else a {@code <meta>} declaration in the first 4 KB, else UTF-8. Bytes that do not
   * decode become U+FFFD; this never throws.
   */
  public String text() {
    return BodyCharset.decode(body, declaredCharset);
  }

  /** The first value of the header {@code name} (any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static Map<String, List<String>> copyLowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) ->
        copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> concat(a, b)));
    return Map.copyOf(copy);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  @Override
  public String toString() {
    return "FetchResult[" + status + " " + finalUri + ", " + mediaType + ", " + body.length + " bytes, "
        + redirects.size() + " redirects, " + attempts + " attempts, " + elapsed.toMillis() + " ms]";
  }
}
