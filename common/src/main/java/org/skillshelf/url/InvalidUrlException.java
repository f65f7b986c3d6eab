package org.skillshelf.url;

import java.io.Serial;

/**
 * Says why a submitted address cannot be accepted, in a sentence meant for the person who typed
 * it. The {@link #code()} is the stable machine-readable error code of the public API.
 */
public final class InvalidUrlException extends Exception {

  @Serial private static final long serialVersionUID = 1L;

  /** The API error code for every syntactically unusable address. */
  public static final String CODE = "INVALID_URL";

  /**
   * @param message a complete sentence a person understands, e.g. "The address must start with
   *     http:// or https://."
   */
  public InvalidUrlException(String message) {
    super(message);
  }

  /** Returns {@value #CODE}. */
  public String code() {
    return CODE;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? "The address is not valid." : message;
  }
}
