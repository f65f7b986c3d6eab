package org.skillshelf.ingest.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.skillshelf.web.ApiException;

/**
 * Per-route limits on request bodies, tighter than the server-wide one: a single suggestion is
 * small, a curator's bulk file is not. Bodies are read no further than the limit, so an endless
 * chunked upload costs at most that much memory.
 */
final class BodySize {
  static final int SUGGESTION = 64 * 1024;
  static final int BULK = 5 * 1024 * 1024;
  /** Room for multipart boundaries and the other form fields around an uploaded bulk file. */
  static final int BULK_FORM = BULK + 64 * 1024;

  private BodySize() {}

  /** Refuses with 413 when the declared length is over {@code max}. */
  static void checkDeclared(Context ctx, int max) {
    if (ctx.contentLength() > max) {
      throw tooLarge(max);
    }
  }

  /** Reads the whole body, refusing with 413 as soon as it passes {@code max} bytes. */
  static byte[] read(Context ctx, int max) {
    checkDeclared(ctx, max);
    try (InputStream in = ctx.bodyInputStream()) {
      return read(in, max, ctx.contentLength());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param declared the length the request declared (the server holds the body to it), or -1 for
   *     a chunked body; reading to it rather than to the limit spares a small body a buffer of the
   *     limit's size
   */
  static byte[] read(InputStream in, int max, long declared) throws IOException {
    int expected = declared >= 0 && declared < max ? (int) declared : max;
    byte[] bytes = in.readNBytes(expected + 1);
    if (bytes.length > max) {
      throw tooLarge(max);
    }
    return bytes;
  }

  private static ApiException tooLarge(int max) {
    String limit = max >= 1024 * 1024 ? (max / (1024 * 1024)) + " MB" : (max / 1024) + " KB";
    return new ApiException(413, "TOO_LARGE", "The request body is larger than " + limit + ", the most this endpoint takes.");
  }
}
