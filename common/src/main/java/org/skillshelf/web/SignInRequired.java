package org.skillshelf.web;

/**
 * Thrown by a page handler whose visitor must sign in first; {@link WebServer} answers with a 303
 * redirect to the login form, which returns to the page afterwards.
 */
public final class SignInRequired extends RuntimeException {
  private final String location;

  public SignInRequired(String location) {
    super("sign in first", null, false, false);
    this.location = location;
  }

  /** Where the browser is sent: the login form with a {@code next} parameter. */
  public String location() {
    return location;
  }
}
