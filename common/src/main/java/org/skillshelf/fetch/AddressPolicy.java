package org.skillshelf.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides which IP addresses the fetcher may connect to.
 *
 * <p>Submitted URLs come from strangers, so the default refuses everything that is not an
 * ordinary public unicast address: private, loopback, link-local (cloud metadata lives at
 * 169.254.169.254), multicast, reserved, documentation and benchmarking blocks, carrier-grade
 * NAT, and IPv6 forms that carry one of those IPv4 addresses inside (IPv4-mapped, NAT64, 6to4).
 * Deployments and tests may allow chosen blocks back, e.g. {@code 127.0.0.0/8}.
 *
 * <pre>{@code
 * AddressPolicy policy = AddressPolicy.refusingPrivate(List.of());
 * policy.refusalReason(InetAddress.getByName("10.0.0.1")); // "10.0.0.1 is a private address"
 * }</pre>
 */
public final class AddressPolicy {
  private static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");

  private final List<Cidr> allowed;

  private AddressPolicy(List<Cidr> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /**
   * The policy for production: refuses every non-public address, except the blocks in {@code
   * allowCidrs} (such as {@code "127.0.0.0/8"} or {@code "::1/128"}).
   *
   * @throws IllegalArgumentException naming the entry that is not a CIDR block
   */
  public static AddressPolicy refusingPrivate(List<String> allowCidrs) {
    return new AddressPolicy(allowCidrs.stream().map(Cidr::parse).toList());
  }

  public boolean isAllowed(InetAddress address) {
    return refusalReason(address).isEmpty();
  }

  /** Why {@code address} may not be fetched, e.g. "127.0.0.1 is a loopback address"; empty if it may. */
  public Optional<String> refusalReason(InetAddress address) {
    return refusedAs(address).map(description -> IpLiteral.format(address) + " is " + description);
  }

  /**
   * The address a URL host spells literally, in any of the spellings browsers accept ({@code
   * 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.0.0.1}, {@code 127.1}, {@code [::1]}); empty for
   * a host name. Never consults DNS.
   */
  public static Optional<InetAddress> parseLiteralHost(String host) {
    return IpLiteral.parse(host);
  }

  /** What kind of refused address this is ("a loopback address"); empty if allowed. */
  private Optional<String> refusedAs(InetAddress address) {
    if (allowed.stream().anyMatch(block -> block.contains(address))) {
      return Optional.empty();
    }
    if (address instanceof Inet4Address) {
      return SpecialRange.matchIpv4(address).map(SpecialRange::description);
    }
    Optional<SpecialRange.Embedding> embedding = SpecialRange.matchEmbedding(address);
    if (embedding.isPresent()) {
      InetAddress inner = IpLiteral.embeddedIpv4(address.getAddress(), embedding.get().offset());
      return refusedAs(inner).map(innerDescription ->
          embedding.get().description() + " " + IpLiteral.format(inner) + ", which is " + innerDescription);
    }
    Optional<SpecialRange> special = SpecialRange.matchIpv6(address);
    if (special.isPresent()) {
      return Optional.of(special.get().description());
    }
    return GLOBAL_UNICAST_V6.contains(address) ? Optional.empty() : Optional.of("a reserved address (not global unicast)");
  }

  @Override
  public String toString() {
    return "AddressPolicy[refusing non-public addresses, allowing " + allowed + "]";
  }
}
