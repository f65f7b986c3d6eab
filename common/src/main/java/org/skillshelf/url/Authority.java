package org.skillshelf.url;

import java.net.IDN;
import java.util.Locale;

/** The host and port of an http(s) address, in canonical spelling. */
final class Authority {

  private static final int MAX_HOST_LENGTH = 253;
  private static final int MAX_LABEL_LENGTH = 63;
  private static final int MAX_PORT = 65_535;

  private Authority() {}

  /** Returns {@code host} or {@code host:port}, without the scheme's default port. */
  static String canonical(String authority, String scheme) throws InvalidUrlException {
    if (authority.indexOf('@') >= 0) {
      throw new InvalidUrlException(
          "The address must not contain a user name or password (the part before @).");
    }
    String host;
    String port;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new InvalidUrlException("The address has an IPv6 host without its closing ].");
      }
      host = "[" + Ipv6Literal.canonical(authority.substring(1, close)) + "]";
      port = portText(authority.substring(close + 1));
    } else {
      int colon = authority.indexOf(':');
      host = hostName(colon < 0 ? authority : authority.substring(0, colon));
      port = colon < 0 ? "" : authority.substring(colon + 1);
    }
    int number = port(port, scheme);
    return number < 0 ? host : host + ":" + number;
  }

  private static String portText(String afterBracket) throws InvalidUrlException {
    if (afterBracket.isEmpty()) {
      return "";
    }
    if (afterBracket.charAt(0) != ':') {
      throw new InvalidUrlException("The address has text after its IPv6 host that is not a port.");
    }
    return afterBracket.substring(1);
  }

  /** The port number, or -1 when absent or the scheme's default (RFC 3986 section 6.2.3). */
  private static int port(String text, String scheme) throws InvalidUrlException {
    if (text.isEmpty()) {
      return -1;
    }
    int firstKept = 0;
    while (firstKept < text.length() - 1 && text.charAt(firstKept) == '0') {
      firstKept++; // leading zeros, keeping the last digit of "000"
    }
    String digits = text.substring(firstKept);
    if (digits.length() > 5 || !isDigits(digits)) {
      throw new InvalidUrlException("The port must be a number from 1 to 65535.");
    }
    int number = Integer.parseInt(digits);
    if (number < 1 || number > MAX_PORT) {
      throw new InvalidUrlException("The port must be a number from 1 to 65535.");
    }
    boolean isDefault =
        (number == 80 && scheme.equals("http")) || (number == 443 && scheme.equals("https"));
    return isDefault ? -1 : number;
  }

  /** Lower-case ASCII (punycode for international names), without a trailing dot. */
  private static String hostName(String raw) throws InvalidUrlException {
    if (raw.isEmpty()) {
      throw new InvalidUrlException("The address has no host name.");
    }
    if (raw.indexOf('%') >= 0) {
      throw new InvalidUrlException("The host name must not contain % signs.");
    }
    String ascii;
    if (isAscii(raw)) {
      // IDNA leaves an ASCII name as it is; checkLabels below applies the rules it would.
      ascii = raw.toLowerCase(Locale.ROOT);
    } else {
      try {
        // IDNA 2003 is what the JDK offers; unassigned code points are allowed so that names in
        // scripts newer than its Unicode 3.2 tables are still accepted (deterministically).
        ascii = IDN.toASCII(raw, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException invalid) {
        throw new InvalidUrlException("The host name is not a valid international domain name.");
      }
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    checkLabels(ascii);
    return ascii;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static void checkLabels(String host) throws InvalidUrlException {
    if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      throw new InvalidUrlException("The host name must be between 1 and 253 characters long.");
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
        throw new InvalidUrlException(
            "Each part of the host name between dots must be 1 to 63 characters long.");
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed) {
          throw new InvalidUrlException(
              "The host name may contain only letters, digits, hyphens, underscores and dots.");
        }
      }
    }
  }
}
