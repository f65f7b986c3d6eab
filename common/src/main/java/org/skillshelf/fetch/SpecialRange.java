package org.skillshelf.fetch;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks that are not ordinary public unicast, from the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890 and successors). More specific blocks come first,
 * because the first match names the reason.
 */
record SpecialRange(Cidr block, String description) {

  /** An IPv6 block whose addresses carry an IPv4 address at byte {@code offset}. */
  record Embedding(Cidr block, int offset, String description) {}

  private static final List<SpecialRange> IPV4 = List.of(
      range("0.0.0.0/32", "an unspecified address"),
      range("0.0.0.0/8", "a 'this network' address"),
      range("10.0.0.0/8", "a private address"),
      range("100.64.0.0/10", "a shared carrier-grade NAT address"),
      range("127.0.0.0/8", "a loopback address"),
      range("169.254.0.0/16", "a link-local address"),
      range("172.16.0.0/12", "a private address"),
      range("192.0.0.0/24", "a reserved address (IETF protocol assignments)"),
      range("192.0.2.0/24", "a documentation address"),
      range("192.88.99.0/24", "a reserved address (6to4 relay anycast)"),
      range("192.168.0.0/16", "a private address"),
      range("198.18.0.0/15", "a benchmarking address"),
      range("198.51.100.0/24", "a documentation address"),
      range("203.0.113.0/24", "a documentation address"),
      range("224.0.0.0/4", "a multicast address"),
      range("255.255.255.255/32", "the broadcast address"),
      range("240.0.0.0/4", "a reserved address"));

  private static final List<SpecialRange> IPV6 = List.of(
      range("::/128", "an unspecified address"),
      range("::1/128", "a loopback address"),
      range("::/96", "a reserved address (deprecated IPv4-compatible form)"),
      range("64:ff9b:1::/48", "a reserved address (local-use NAT64)"),
      range("100::/64", "a reserved address (discard-only)"),
      range("2001::/32", "a Teredo tunnel address"),
      range("2001:db8::/32", "a documentation address"),
      range("2001::/23", "a reserved address (IETF protocol assignments)"),
      range("3fff::/20", "a documentation address"),
      range("5f00::/16", "a reserved address (segment routing)"),
      range("fc00::/7", "a unique local (private) address"),
      range("fec0::/10", "a site-local (private) address"),
      range("fe80::/10", "a link-local address"),
      range("ff00::/8", "a multicast address"));

  private static final List<Embedding> EMBEDDINGS = List.of(
      new Embedding(Cidr.parse("::ffff:0:0/96"), 12, "an IPv4-mapped form of"),
      new Embedding(Cidr.parse("64:ff9b::/96"), 12, "a NAT64 form of"),
      new Embedding(Cidr.parse("2002::/16"), 2, "a 6to4 form of"));

  static Optional<SpecialRange> matchIpv4(InetAddress address) {
    return IPV4.stream().filter(range -> range.block().contains(address)).findFirst();
  }

  static Optional<SpecialRange> matchIpv6(InetAddress address) {
    return IPV6.stream().filter(range -> range.block().contains(address)).findFirst();
  }

  static Optional<Embedding> matchEmbedding(InetAddress address) {
    return EMBEDDINGS.stream().filter(embedding -> embedding.block().contains(address)).findFirst();
  }

  private static SpecialRange range(String cidr, String description) {
    return new SpecialRange(Cidr.parse(cidr), description);
  }
}
