package org.skillshelf.ingest.intake;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Submission ids carry the resource they suggest ({@code <resourceId>.<random>}), so a status
 * lookup needs no index from submissions to resources.
 */
public final class SubmissionId {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SubmissionId() {}

  public static String newFor(String resourceId) {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return resourceId + "." + HexFormat.of().formatHex(bytes);
  }

  public static Optional<String> resourceIdOf(String submissionId) {
    int dot = submissionId.indexOf('.');
    if (dot <= 0 || dot == submissionId.length() - 1 || submissionId.length() > 100) {
      return Optional.empty();
    }
    return Optional.of(submissionId.substring(0, dot));
  }
}
