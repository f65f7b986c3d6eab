package org.skillshelf.fetch;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One HTTP response as one attempt received it, before redirects and retries are decided. */
record Answer(int status, Map<String, List<String>> headers, @Nullable String mediaType,
    @Nullable Charset declaredCharset, byte[] body) {

  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  boolean isRedirect() {
    return switch (status) {
      case 301, 302, 303, 307, 308 -> header("location").isPresent();
      default -> false;
    };
  }

  /** 429 and 5xx ask for a later try; 501 and 505 never change, so they do not. */
  boolean asksForRetry() {
    return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
  }
}
