package org.skillshelf.enrich.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Spots bytes a server labelled as a web page that are not text at all (compressed data, an
 * image, random bytes), so they fail with a clear reason instead of becoming "main text" full of
 * replacement characters. Reads the bytes only, never the label: Tika's magic numbers name known
 * formats, and its control-byte statistics tell text from unnamed binary data.
 */
final class MislabelledBinary {
  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final int HEAD_CHARS = 4096;

  private MislabelledBinary() {}

  /**
   * The type the bytes really have when they are not text; empty when they read as text. Bytes
   * that sniff as binary but decoded cleanly (UTF-16 declared in the header, without a byte-order
   * mark, is full of zero bytes) are text.
   *
   * @param decoded the body as the fetcher decoded it with the page's charset
   */
  static Optional<MediaType> in(byte[] body, String decoded) {
    if (body.length == 0 || !garbled(decoded)) {
      return Optional.empty();
    }
    MediaType sniffed = sniff(body);
    return isText(sniffed) ? Optional.empty() : Optional.of(sniffed);
  }

  /** Whether the start of the text holds undecodable bytes or control characters no page uses. */
  private static boolean garbled(String decoded) {
    int end = Math.min(decoded.length(), HEAD_CHARS);
    for (int i = 0; i < end; i++) {
      char c = decoded.charAt(i);
      if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
        return true;
      }
    }
    return false;
  }

  private static MediaType sniff(byte[] body) {
    try (InputStream in = new ByteArrayInputStream(body)) {
      return TYPES.detect(in, new Metadata()).getBaseType();
    } catch (IOException e) {
      throw new UncheckedIOException("reading bytes in memory cannot fail", e);
    }
  }

  private static boolean isText(MediaType type) {
    String subtype = type.getSubtype();
    return type.getType().equals("text") || subtype.contains("xml") || subtype.contains("html")
        || subtype.equals("json") || subtype.equals("javascript");
  }
}
