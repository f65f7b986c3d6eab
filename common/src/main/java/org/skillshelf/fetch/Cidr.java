package org.skillshelf.fetch;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(byte[] network, int prefixLength) {

  Cidr {
    network = network.clone();
    int bits = network.length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + bits);
    }
    mask(network, prefixLength);
  }

  /**
   * Reads {@code address/prefix}; a bare address is a block of one. Host bits are cleared, so
   * {@code 127.0.0.1/8} means {@code 127.0.0.0/8}. Only plain literals are accepted here: a
   * configuration file has no reason to spell addresses oddly.
   */
  static Cidr parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
    Optional<byte[]> address = plainLiteral(addressText);
    if (address.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a CIDR block: '" + addressText + "' is not an IPv4 or IPv6 address (expected e.g. 127.0.0.0/8 or ::1/128)");
    }
    byte[] bytes = address.get();
    int prefix = slash < 0 ? bytes.length * 8 : prefix(text, trimmed.substring(slash + 1), bytes.length * 8);
    return new Cidr(bytes, prefix);
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    mask(candidate, prefixLength);
    return Arrays.equals(candidate, network);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return IpLiteral.format(InetAddress.getByAddress(network)) + "/" + prefixLength;
    } catch (java.net.UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static Optional<byte[]> plainLiteral(String text) {
    if (text.indexOf(':') >= 0) {
      return IpLiteral.parse(text).map(address -> sixteenBytes(address.getAddress()));
    }
    if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return Optional.empty();
    }
    return IpLiteral.parse(text.replaceAll("(^|\\.)0+(\\d)", "$1$2")).map(InetAddress::getAddress);
  }

  /** The JDK reads {@code ::ffff:0:0} as an IPv4 address; a block written in IPv6 stays IPv6. */
  private static byte[] sixteenBytes(byte[] bytes) {
    if (bytes.length == 16) {
      return bytes;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(bytes, 0, mapped, 12, 4);
    return mapped;
  }

  private static int prefix(String original, String text, int bits) {
    if (!text.matches("\\d{1,3}")) {
      throw new IllegalArgumentException("'" + original + "' is not a CIDR block: the prefix length '" + text + "' is not a number");
    }
    int prefix = Integer.parseInt(text);
    if (prefix > bits) {
      throw new IllegalArgumentException("'" + original + "' is not a CIDR block: the prefix length must be at most " + bits);
    }
    return prefix;
  }

  private static void mask(byte[] bytes, int prefixLength) {
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefixLength - 8 * i));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
  }
}
