package org.skillshelf.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;
import org.skillshelf.fetch.FetchFailure.Reason;

/**
 * Decodes a response body within the caps: the wire bytes come already held to {@code maxBytes}
 * (the exchange refuses them as they arrive, see {@link #tooLarge()}), and decompressing stops the
 * moment {@code maxDecompressedBytes} is passed, so a gzip bomb costs at most one cap of memory.
 */
final class BodyReader {
  private static final int CHUNK = 16 * 1024;
  private static final int FIRST_BUFFER = 8 * 1024;

  private final long maxBytes;
  private final long maxDecompressedBytes;

  BodyReader(long maxBytes, long maxDecompressedBytes) {
    this.maxBytes = maxBytes;
    this.maxDecompressedBytes = maxDecompressedBytes;
  }

  /**
   * The body, decoded per {@code contentEncodings} (the header values, in the order applied); the
   * wire bytes themselves when there is nothing to undo.
   *
   * @throws FetchFailure DECOMPRESSION_BOMB or PROTOCOL_ERROR
   */
  byte[] decode(byte[] wire, List<String> contentEncodings) throws FetchFailure {
    List<String> codings = codings(contentEncodings);
    if (codings.isEmpty()) {
      return wire;
    }
    InputStream decoded = new ByteArrayInputStream(wire);
    try {
      for (String coding : codings) {
        decoded = decoder(coding, decoded);
      }
      return drain(decoded, maxDecompressedBytes);
    } catch (IOException e) { // ZipException, EOFException: nothing else can fail reading bytes in memory
      throw new FetchFailure(Reason.PROTOCOL_ERROR, "the server sent compressed content that is damaged");
    } finally {
      // Ends native inflaters now rather than at garbage collection.
      closeQuietly(decoded);
    }
  }

  /**
   * The body of a text response that is gzip data although no {@code Content-Encoding} said so
   * (a server compressing twice, or storing pages compressed and serving them as HTML), decoded
   * within the same cap as declared compression. Anything else, and gzip data that turns out
   * damaged, is given back as it came: whoever reads it as text judges bytes that are not text.
   *
   * @throws FetchFailure DECOMPRESSION_BOMB when it expands past the cap
   */
  byte[] undeclaredGzip(byte[] body, @Nullable String mediaType) throws FetchFailure {
    if (!isGzip(body) || !isText(mediaType)) {
      return body;
    }
    InputStream decoded = null;
    try {
      decoded = new GZIPInputStream(new ByteArrayInputStream(body), CHUNK);
      return drain(decoded, maxDecompressedBytes);
    } catch (IOException damaged) {
      return body;
    } finally {
      if (decoded != null) {
        closeQuietly(decoded);
      }
    }
  }

  /** The gzip magic number and its only compression method, deflate (RFC 1952). */
  private static boolean isGzip(byte[] body) {
    return body.length >= 3 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b && body[2] == 8;
  }

  /** Types read as text; an unlabelled body may be anything, so it is left alone. */
  private static boolean isText(@Nullable String mediaType) {
    return mediaType != null && (mediaType.startsWith("text/") || mediaType.endsWith("xml")
        || mediaType.endsWith("json"));
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // The body is read or abandoned; a failure to close changes neither.
    }
  }

  FetchFailure tooLarge() {
    return new FetchFailure(Reason.TOO_LARGE, "the page is larger than " + Wording.size(maxBytes));
  }

  private static byte[] drain(InputStream in, long cap) throws IOException, FetchFailure {
    // Read straight into one buffer that doubles as needed: most pages are a few kilobytes, and a
    // fixed chunk, a growing copy and a final copy allocated ten times the page.
    byte[] buffer = new byte[FIRST_BUFFER];
    int total = 0;
    for (int n = in.read(buffer, 0, buffer.length); n >= 0; n = in.read(buffer, total, buffer.length - total)) {
      total += n;
      if (total > cap) {
        throw new FetchFailure(Reason.DECOMPRESSION_BOMB, "the page expands to more than " + Wording.size(cap) + " when decompressed");
      }
      if (total == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(Math.min(cap + 1, Integer.MAX_VALUE - 8), 2L * buffer.length));
      }
    }
    return Arrays.copyOf(buffer, total);
  }

  /** Codings in the order to undo them: the last one applied comes off first. */
  private static List<String> codings(List<String> headerValues) throws FetchFailure {
    List<String> codings = new ArrayList<>();
    for (String value : headerValues) {
      for (String token : value.split(",")) {
        String coding = token.strip().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty() && !coding.equals("identity")) {
          codings.add(coding);
        }
      }
    }
    Collections.reverse(codings);
    for (String coding : codings) {
      if (!List.of("gzip", "x-gzip", "deflate").contains(coding)) {
        throw new FetchFailure(Reason.PROTOCOL_ERROR,
            "the server sent content compressed as '" + coding + "', which was not asked for");
      }
    }
    return codings;
  }

  private static InputStream decoder(String coding, InputStream in) throws IOException {
    if (coding.equals("deflate")) {
      return inflating(in);
    }
    return new GZIPInputStream(in, CHUNK);
  }

  /** "deflate" should mean zlib-wrapped (RFC 9110), but some servers send raw deflate. */
  private static InputStream inflating(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, CHUNK);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    boolean zlib = first >= 0 && second >= 0 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
    Inflater inflater = new Inflater(!zlib);
    return new InflaterInputStream(buffered, inflater, CHUNK) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          inflater.end();
        }
      }
    };
  }
}
