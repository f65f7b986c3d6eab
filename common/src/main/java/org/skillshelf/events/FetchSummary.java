package org.skillshelf.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** How a resource was fetched: the final HTTP status, type and size, and each redirect hop. */
public record FetchSummary(
    int status, @Nullable String contentType, long bytes, List<String> redirects, long millis) {
  public FetchSummary {
    redirects = List.copyOf(redirects);
  }
}
