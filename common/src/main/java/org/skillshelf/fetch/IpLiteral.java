package org.skillshelf.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads and writes IP address literals without ever asking DNS.
 *
 * <p>IPv4 hosts are read the way browsers (WHATWG URL) and {@code inet_aton} read them, because
 * that is how an attacker will spell a private address to slip past a naive check: one to four
 * dot-separated parts, each decimal, octal (leading {@code 0}) or hex ({@code 0x}), the last part
 * filling the remaining bytes ({@code 127.1}, {@code 2130706433}, {@code 0x7f.1}).
 */
final class IpLiteral {
  private static final long IPV4_SPACE = 1L << 32;

  private IpLiteral() {}

  /** A host as written in a URL (IPv6 with or without brackets) to its address, if it is one. */
  static Optional<InetAddress> parse(String host) {
    String text = host.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.startsWith("[") || text.indexOf(':') >= 0) {
      return parseIpv6(text);
    }
    return parseIpv4(text);
  }

  /**
   * Whether a host that is not a valid literal still ends in a numeric label, as {@code 1.2.3.999}
   * does: browsers refuse such hosts rather than look them up, and so do we.
   */
  static boolean looksNumeric(String host) {
    String text = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = text.substring(text.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (last.isEmpty()) {
      return false;
    }
    if (last.startsWith("0x")) {
      return last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
    return last.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The conventional spelling: dotted quad, or RFC 5952 compressed IPv6 without brackets. */
  static String format(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    if (isIpv4Mapped(bytes)) {
      // RFC 5952 §5: show the IPv4 address inside in its familiar form.
      return "::ffff:" + embeddedIpv4(bytes, 12).getHostAddress();
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    return formatGroups(groups);
  }

  /** The IPv4 address held in four bytes of an IPv6 address, starting at {@code offset}. */
  static InetAddress embeddedIpv4(byte[] ipv6, int offset) {
    byte[] v4 = new byte[] {ipv6[offset], ipv6[offset + 1], ipv6[offset + 2], ipv6[offset + 3]};
    try {
      return InetAddress.getByAddress(v4);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
    }
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static String formatGroups(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static Optional<InetAddress> parseIpv6(String text) {
    String inner = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    int zone = inner.indexOf('%');
    if (zone >= 0) {
      // The zone only picks a local interface; it never changes which address is meant.
      inner = inner.substring(0, zone);
    }
    if (inner.isEmpty() || inner.indexOf('[') >= 0 || inner.indexOf(']') >= 0) {
      return Optional.empty();
    }
    try {
      // Brackets make the JDK treat the text as an IPv6 literal or fail: it never falls back to DNS.
      // The JDK turns ::ffff:a.b.c.d into the IPv4 address it maps to: that is the host meant.
      return Optional.of(InetAddress.getByName("[" + inner + "]"));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<InetAddress> parseIpv4(String text) {
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    String[] parts = trimmed.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      OptionalLong value = parseNumber(parts[i]);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      values[i] = value.getAsLong();
    }
    return combine(values);
  }

  private static Optional<InetAddress> combine(long[] values) {
    int last = values.length - 1;
    long address = 0;
    for (int i = 0; i < last; i++) {
      if (values[i] > 255) {
        return Optional.empty();
      }
      address |= values[i] << (8 * (3 - i));
    }
    if (values[last] >= 1L << (8 * (4 - last))) {
      return Optional.empty();
    }
    address |= values[last];
    byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
    }
  }

  private static OptionalLong parseNumber(String part) {
    String digits = part.toLowerCase(Locale.ROOT);
    int radix = 10;
    if (digits.startsWith("0x")) {
      radix = 16;
      digits = digits.substring(2);
      if (digits.isEmpty()) {
        return OptionalLong.of(0);
      }
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    if (digits.isEmpty()) {
      return OptionalLong.empty();
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = Character.digit(digits.charAt(i), radix);
      if (digit < 0 || digits.charAt(i) > 'z') {
        return OptionalLong.empty();
      }
      value = value * radix + digit;
      if (value >= IPV4_SPACE) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(value);
  }
}
