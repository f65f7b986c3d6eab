package org.skillshelf.enrich.extract;

import java.time.Duration;
import java.util.Objects;
import org.skillshelf.text.main.MainText;

/**
 * The bounds one extraction may not pass, so that a hostile or huge document cannot stall or
 * exhaust the enrich stage.
 *
 * @param maxChars the most characters of main text kept; the rest is cut off
 * @param maxEmbeddedDepth how deep documents inside documents (attachments, archive entries) are read
 * @param timePerDocument how long one document may take to parse before it is given up
 * @param poolSize how many documents Tika may parse at once
 */
public record ExtractionLimits(
    int maxChars, int maxEmbeddedDepth, Duration timePerDocument, int poolSize) {

  public ExtractionLimits {
    Objects.requireNonNull(timePerDocument, "timePerDocument");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
    }
    if (maxEmbeddedDepth < 0) {
      throw new IllegalArgumentException(
          "maxEmbeddedDepth must not be negative, was " + maxEmbeddedDepth);
    }
    if (timePerDocument.isNegative() || timePerDocument.isZero()) {
      throw new IllegalArgumentException("timePerDocument must be positive, was " + timePerDocument);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
    }
  }

  /**
   * Half a million characters (the main-text default linkcheck reads pages with, so that both
   * stages fingerprint one text), two levels of embedding, 20 seconds a document, two parsers.
   */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(MainText.MAX_CHARS, 2, Duration.ofSeconds(20), 2);
  }
}
