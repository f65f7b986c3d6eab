package org.skillshelf.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 64-bit fingerprint of a text whose bits change little when the text changes little, for
 * finding near-duplicate resources. Built over word 3-shingles (Charikar's simhash).
 *
 * <pre>{@code
 * double s = SimHash.similarity(SimHash.of(a), SimHash.of(b)); // 1.0 = same fingerprint
 * }</pre>
 */
public final class SimHash {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int SHINGLE = 3;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SimHash() {}

  /** The fingerprint of a text; 0 for a text without words. */
  public static long of(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return 0L;
    }
    int[] votes = new int[64];
    int shingles = Math.max(1, words.size() - SHINGLE + 1);
    for (int i = 0; i < shingles; i++) {
      String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE)));
      long hash = hash(shingle);
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
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

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  /** FNV-1a followed by a final avalanche, so that similar shingles get unrelated bits. */
  private static long hash(String shingle) {
    long h = FNV_OFFSET;
    for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
