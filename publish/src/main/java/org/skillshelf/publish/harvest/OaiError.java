package org.skillshelf.publish.harvest;

/**
 * An OAI-PMH error condition (protocol section 3.6): answered with status 200 and an {@code
 * <error code="...">} element, as the protocol requires.
 */
final class OaiError extends RuntimeException {
  private final String code;

  OaiError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }

  /** Whether the request element may echo the arguments (not for badVerb or badArgument). */
  boolean echoesArguments() {
    return !code.equals("badVerb") && !code.equals("badArgument");
  }
}
