package org.skillshelf.events;

/** What one check of a link found, as the contract names it. */
public enum CheckOutcome {
  OK,
  REDIRECTED,
  NOT_FOUND,
  GONE,
  CLIENT_ERROR,
  SERVER_ERROR,
  TIMEOUT,
  DNS_FAILURE,
  CONNECTION_FAILED,
  TLS_ERROR,
  SOFT_404,
  RATE_LIMITED,
  BLOCKED,
  CONTENT_CHANGED;

  /** A success: the link leads to the resource. */
  public boolean isSuccess() {
    return this == OK || this == REDIRECTED;
  }

  /**
   * A failure that says the resource is gone, as opposed to one that may pass (a timeout, a 429, a
   * 5xx, a bot wall).
   */
  public boolean isHardFailure() {
    return switch (this) {
      case NOT_FOUND, GONE, CLIENT_ERROR, DNS_FAILURE, SOFT_404, CONTENT_CHANGED -> true;
      default -> false;
    };
  }
}
