package org.skillshelf.ingest.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.javalin.http.Context;
import java.time.Duration;
import org.skillshelf.ingest.abuse.SubmissionRateLimit;
import org.skillshelf.web.ApiException;

/** Applies the per-client submission rate limit to a request and counts what it refuses. */
final class SubmissionGate {
  private final SubmissionRateLimit limit;
  private final Counter refused;

  SubmissionGate(SubmissionRateLimit limit, MeterRegistry registry) {
    this.limit = limit;
    this.refused = Counter.builder("skillshelf.ingest.rate_limited")
        .description("suggestions refused because their client passed the rate limit").register(registry);
  }

  /** Counts the request against its client address; a 429 with Retry-After when over the limit. */
  void admit(Context ctx) {
    limit.take(ctx.ip()).ifPresent(wait -> {
      refused.increment();
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new ApiException(429, "RATE_LIMITED",
          "Too many suggestions from your address; please try again in " + seconds + " seconds.", Duration.ofSeconds(seconds));
    });
  }
}
