package org.skillshelf.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 64-bit fingerprint of a text whose bits change little when the text changes little, for
 * finding near-duplicate resources. Built over word 3-shingles (Charikar's simhash).
 *
 * <pre>{@code
 * double s = SimHash.similarity(SimHash.of(a), SimHash.of(b)); // 1.0 = same fingerprint
 * }</pre>
 */
public final class SimHash {

  private static final int SHINGLE = 3;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SimHash() {}

  /** The fingerprint of a text; 0 for a text without words. */
  public static long of(String text) {
    List<byte[]> words = words(text);
    if (words.isEmpty()) {
      return 0L;
    }
    int[] votes = new int[64];
    int shingles = Math.max(1, words.size() - SHINGLE + 1);
    for (int i = 0; i < shingles; i++) {
      long hash = avalanche(shingleHash(words, i, Math.min(words.size(), i + SHINGLE)));
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += (int) ((hash >>> bit) & 1L) * 2 - 1;
      }
    }
    long fingerprint = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  /** 1 minus the share of differing bits: 1.0 for equal fingerprints, about 0.5 for unrelated. */
  public static double similarity(long a, long b) {
    return 1.0 - Long.bitCount(a ^ b) / 64.0;
  }

  /**
   * The words in lower case as UTF-8, each encoded once rather than once for each shingle it is
   * in. A word is a run of what {@code \w} matches under {@code UNICODE_CHARACTER_CLASS}, scanned
   * by hand because a regular expression made this the costliest step of fingerprinting.
   */
  private static List<byte[]> words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<byte[]> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      if (isWordChar(c)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        words.add(lower.substring(start, i).getBytes(StandardCharsets.UTF_8));
        start = -1;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      words.add(lower.substring(start).getBytes(StandardCharsets.UTF_8));
    }
    return words;
  }

  /** Unicode's word characters, as {@link java.util.regex.Pattern#UNICODE_CHARACTER_CLASS} defines {@code \w}. */
  private static boolean isWordChar(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (Character.isAlphabetic(c) || Character.isDigit(c) || c == 0x200C || c == 0x200D) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION;
  }

  /** FNV-1a over the UTF-8 bytes of the words from..to joined by single spaces. */
  private static long shingleHash(List<byte[]> words, int from, int to) {
    long h = FNV_OFFSET;
    for (int w = from; w < to; w++) {
      if (w > from) {
        h ^= ' ';
        h *= FNV_PRIME;
      }
      for (byte b : words.get(w)) {
        h ^= b & 0xff;
        h *= FNV_PRIME;
      }
    }
    return h;
  }

  /** A final avalanche after FNV-1a, so that similar shingles get unrelated bits. */
  private static long avalanche(long fnv) {
    long h = fnv;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
