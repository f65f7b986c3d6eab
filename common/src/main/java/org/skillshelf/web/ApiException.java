package org.skillshelf.web;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request that cannot be served, with the contract's error code and a sentence a person
 * understands. Handlers throw it; {@link WebServer} turns it into {@code {"error": {...}}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final @Nullable Duration retryAfter;

  public ApiException(int status, String code, String message) {
    this(status, code, message, null);
  }

  public ApiException(int status, String code, String message, @Nullable Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "NOT_FOUND", what + " does not exist.");
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, "UNAVAILABLE", message, Duration.ofSeconds(5));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
