package org.skillshelf.ingest.intake;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Submission ids carry the resource they suggest ({@code <resourceId>.<random>}), so a status
 * lookup needs no index from submissions to resources.
 */
public final class SubmissionId {
  private SubmissionId() {}

  /**
   * A new id. The random part only tells suggestions of one resource apart; it guards nothing (a
   * status is public), so a per-thread generator serves instead of a contended SecureRandom.
   */
  public static String newFor(String resourceId) {
    return resourceId + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
  }

  public static Optional<String> resourceIdOf(String submissionId) {
    int dot = submissionId.indexOf('.');
    if (dot <= 0 || dot == submissionId.length() - 1 || submissionId.length() > 100) {
      return Optional.empty();
    }
    return Optional.of(submissionId.substring(0, dot));
  }
}
