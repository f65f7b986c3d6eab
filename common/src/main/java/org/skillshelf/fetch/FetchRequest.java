package org.skillshelf.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * What to fetch and how: {@code FetchRequest.get(uri)} reads a page following redirects, {@code
 * FetchRequest.head(uri)} checks a link following redirects.
 */
public record FetchRequest(URI uri, HttpMethod method, boolean followRedirects) {

  public FetchRequest {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(method, "method");
  }

  public static FetchRequest get(URI uri) {
    return new FetchRequest(uri, HttpMethod.GET, true);
  }

  public static FetchRequest head(URI uri) {
    return new FetchRequest(uri, HttpMethod.HEAD, true);
  }

  /** The same request, answering redirects with the 3xx response instead of following them. */
  public FetchRequest withoutFollowingRedirects() {
    return new FetchRequest(uri, method, false);
  }
}
