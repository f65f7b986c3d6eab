package org.skillshelf.text;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests, each made with a digest cloned from one that is never used itself: cloning
 * skips the provider lookup of {@link MessageDigest#getInstance}, which costs more than hashing a
 * short value (it showed on the submission path).
 */
public final class Sha256 {
  private static final MessageDigest PROTOTYPE = newDigest();

  private Sha256() {}

  public static byte[] of(byte[] bytes) {
    try {
      return ((MessageDigest) PROTOTYPE.clone()).digest(bytes);
    } catch (CloneNotSupportedException e) {
      return newDigest().digest(bytes);
    }
  }

  /** The first eight bytes of the digest as a number: a compact fingerprint of exact content. */
  public static long leading64(byte[] bytes) {
    byte[] digest = of(bytes);
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = value << 8 | (digest[i] & 0xff);
    }
    return value;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java runtime must provide SHA-256", impossible);
    }
  }
}
