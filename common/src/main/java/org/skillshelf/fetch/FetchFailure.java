package org.skillshelf.fetch;

import java.util.Objects;

/**
 * A fetch that produced no HTTP response worth keeping, with a reason a program can switch on and
 * a sentence a curator can read ("the page is larger than 20 MB"). An HTTP error status is not a
 * failure: a 404 is a {@link FetchResult}.
 */
public final class FetchFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, coarse enough for linkcheck to classify and enrich to report. */
  public enum Reason {
    FORBIDDEN_ADDRESS,
    INVALID_URL,
    DNS_FAILURE,
    CONNECTION_FAILED,
    TIMEOUT,
    TLS_ERROR,
    TOO_LARGE,
    DECOMPRESSION_BOMB,
    TOO_MANY_REDIRECTS,
    REDIRECT_LOOP,
    UNSUPPORTED_CONTENT_TYPE,
    PROTOCOL_ERROR
  }

  private final Reason reason;

  public FetchFailure(Reason reason, String curatorMessage) {
    super(Objects.requireNonNull(curatorMessage, "curatorMessage"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  /** One plain sentence, without a URL or stack trace, fit to show in the review queue. */
  public String curatorMessage() {
    return getMessage();
  }

  /** Whether trying again later may give a different answer. */
  boolean isTransient() {
    return reason == Reason.TIMEOUT || reason == Reason.CONNECTION_FAILED;
  }

  @Override
  public String toString() {
    return "FetchFailure[" + reason + ": " + getMessage() + "]";
  }
}
