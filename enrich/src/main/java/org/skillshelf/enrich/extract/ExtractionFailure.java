package org.skillshelf.enrich.extract;

/**
 * A document the extractor could not turn into text. The message is written for a curator
 * ("the document could not be read within 20 seconds"); the {@link Code} is for programs.
 */
public final class ExtractionFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why extraction failed. */
  public enum Code {
    /** Parsing took longer than the time allowed per document. */
    TIMEOUT,
    /** The bytes are damaged, encrypted or not what they claim to be. */
    UNREADABLE,
    /** A kind of file the catalogue does not read, such as an archive or an image. */
    UNSUPPORTED_TYPE,
    /** Every parser is busy with other documents; try again later. */
    BUSY,
    /** The extractor was closed or interrupted while working. */
    INTERRUPTED
  }

  private final Code code;

  public ExtractionFailure(Code code, String message) {
    super(message);
    this.code = code;
  }

  public ExtractionFailure(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
