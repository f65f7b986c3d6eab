package org.skillshelf.ingest.bulk;

/**
 * Why one entry of a bulk import (or the rest of the file) was not read.
 *
 * @param line the 1-based line of the input the error is about
 * @param code a stable machine-readable code, e.g. {@code INVALID_URL}
 * @param message a sentence for the curator saying what is wrong
 */
public record BulkError(int line, String code, String message) {

  /** The address failed canonicalisation; the message says why. */
  public static final String INVALID_URL = "INVALID_URL";

  /** A CSV import has no {@code url} column. */
  public static final String MISSING_URL_COLUMN = "MISSING_URL_COLUMN";

  /** A CSV import breaks the CSV syntax (e.g. an unclosed quote); later rows were not read. */
  public static final String MALFORMED_CSV = "MALFORMED_CSV";

  /** The import holds more entries than allowed; this one and the rest were not read. */
  public static final String TOO_MANY_LINES = "TOO_MANY_LINES";

  /** The import holds no address at all. */
  public static final String NO_ADDRESSES = "NO_ADDRESSES";
}
