package org.skillshelf.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Picks the charset of a fetched page in the order the HTML standard's encoding sniffing does:
 * byte-order mark, then the transport's declaration, then a {@code <meta>} prescan of the first
 * 4 KB, then a default (UTF-8, the encoding of the great majority of today's web).
 */
final class BodyCharset {
  private static final int PRESCAN_BYTES = 4096;
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private BodyCharset() {}

  static String decode(byte[] body, @Nullable Charset declared) {
    int bomLength = bomLength(body);
    Charset charset = fromBom(body)
        .or(() -> Optional.ofNullable(declared).map(BodyCharset::asBrowsersDo))
        .or(() -> fromMeta(body))
        .orElse(StandardCharsets.UTF_8);
    // new String replaces malformed input with U+FFFD rather than throwing.
    return new String(body, bomLength, body.length - bomLength, charset);
  }

  /** A charset name as a header or meta tag gives it; empty when Java does not know it. */
  static Optional<Charset> named(String name) {
    try {
      return Optional.of(asBrowsersDo(Charset.forName(name.strip())));
    } catch (IllegalArgumentException unknownOrIllegal) {
      return Optional.empty();
    }
  }

  /** Browsers read pages labelled ISO-8859-1 or ASCII as windows-1252, and authors rely on it. */
  private static Charset asBrowsersDo(Charset charset) {
    if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
      return WINDOWS_1252;
    }
    return charset;
  }

  private static Optional<Charset> fromBom(byte[] body) {
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  private static int bomLength(byte[] body) {
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return 3;
    }
    return startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE) ? 2 : 0;
  }

  private static Optional<Charset> fromMeta(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher matcher = META_CHARSET.matcher(head);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String label = matcher.group(1).toLowerCase(Locale.ROOT);
    // A meta tag readable as ASCII cannot be UTF-16, so the standard reads that label as UTF-8.
    if (label.startsWith("utf-16")) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    return named(label);
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
