package org.skillshelf.linkcheck.check;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.skillshelf.fetch.FetchResult;
import org.skillshelf.fetch.Redirect;

/** Small literal HTTP answers for the classifiers' tests. */
final class Answers {
  private Answers() {}

  static FetchResult html(String url, int status, String body) {
    return answer(url, url, status, body, Map.of());
  }

  static FetchResult withHeaders(String url, int status, String body, Map<String, List<String>> headers) {
    return answer(url, url, status, body, headers);
  }

  static FetchResult redirected(String from, String to, String body) {
    return new FetchResult(URI.create(from), URI.create(to), 200, "text/html", StandardCharsets.UTF_8,
        body.getBytes(StandardCharsets.UTF_8), Map.of(), List.of(new Redirect(URI.create(from), URI.create(to), 301)),
        Duration.ofMillis(5), 1);
  }

  static FetchResult answer(String requested, String last, int status, String body, Map<String, List<String>> headers) {
    return new FetchResult(URI.create(requested), URI.create(last), status, "text/html", StandardCharsets.UTF_8,
        body.getBytes(StandardCharsets.UTF_8), headers, List.of(), Duration.ofMillis(5), 1);
  }
}
