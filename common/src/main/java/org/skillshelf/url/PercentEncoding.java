package org.skillshelf.url;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding normalisation of a path or query (RFC 3986 sections 2.1, 2.3 and 6.2.2.2):
 * upper-case hex, unreserved characters decoded, everything a URI may not carry literally encoded
 * as UTF-8, and a stray {@code %} encoded as {@code %25} so the result always parses.
 */
final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final String SUB_DELIMS = "!$&'()*+,;=";

  private PercentEncoding() {}

  static String normalised(String text, boolean query) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isEscape(text, i)) {
        appendDecodedOrUpperCase(out, (hex(text.charAt(i + 1)) << 4) | hex(text.charAt(i + 2)));
        i += 3;
      } else {
        int codePoint = text.codePointAt(i);
        if (codePoint != '%' && allowedLiterally(codePoint, query)) {
          out.append(c);
        } else {
          appendEncoded(out, codePoint);
        }
        i += Character.charCount(codePoint);
      }
    }
    return out.toString();
  }

  private static void appendDecodedOrUpperCase(StringBuilder out, int octet) {
    if (isUnreserved(octet)) {
      out.append((char) octet);
    } else {
      appendOctet(out, octet);
    }
  }

  private static void appendEncoded(StringBuilder out, int codePoint) {
    // An unpaired surrogate has no UTF-8 form; it stands for a character that was lost, which
    // Unicode spells U+FFFD.
    int encodable = Character.isSurrogate((char) codePoint) ? 0xFFFD : codePoint;
    for (byte b : Character.toString(encodable).getBytes(StandardCharsets.UTF_8)) {
      appendOctet(out, b & 0xff);
    }
  }

  private static void appendOctet(StringBuilder out, int octet) {
    out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xf]);
  }

  private static boolean allowedLiterally(int c, boolean query) {
    return isUnreserved(c)
        || SUB_DELIMS.indexOf(c) >= 0
        || c == ':'
        || c == '@'
        || c == '/'
        || (query && c == '?');
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static boolean isEscape(String text, int i) {
    return text.charAt(i) == '%'
        && i + 2 < text.length()
        && isHex(text.charAt(i + 1))
        && isHex(text.charAt(i + 2));
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int hex(char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  }
}
