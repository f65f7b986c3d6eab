package org.skillshelf.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Classification only: nothing here sends a packet. */
class AddressPolicyTest {
  private final AddressPolicy policy = AddressPolicy.refusingPrivate(List.of());

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.1             | a private address
      10.255.255.255       | a private address
      172.16.0.1           | a private address
      172.31.255.254       | a private address
      192.168.1.1          | a private address
      169.254.169.254      | a link-local address
      100.64.0.1           | a shared carrier-grade NAT address
      100.127.255.254      | a shared carrier-grade NAT address
      127.0.0.1            | a loopback address
      127.255.0.9          | a loopback address
      0.0.0.0              | an unspecified address
      0.1.2.3              | a 'this network' address
      192.0.0.8            | a reserved address (IETF protocol assignments)
      192.0.2.10           | a documentation address
      198.51.100.7         | a documentation address
      203.0.113.99         | a documentation address
      198.18.0.1           | a benchmarking address
      198.19.255.1         | a benchmarking address
      224.0.0.1            | a multicast address
      239.255.255.250      | a multicast address
      240.0.0.1            | a reserved address
      255.255.255.255      | the broadcast address
      ::1                  | a loopback address
      ::                   | an unspecified address
      fe80::1              | a link-local address
      fc00::1              | a unique local (private) address
      fd12::1              | a unique local (private) address
      fec0::1              | a site-local (private) address
      ff02::1              | a multicast address
      2001:db8::1          | a documentation address
      3fff::1              | a documentation address
      2001:0:4136:e378::1  | a Teredo tunnel address
      100::1               | a reserved address (discard-only)
      ::a00:1              | a reserved address (deprecated IPv4-compatible form)
      4000::1              | a reserved address (not global unicast)
      """)
  void refusesNonPublicAddresses(String address, String description) throws UnknownHostException {
    InetAddress parsed = literal(address);

    assertThat(policy.isAllowed(parsed)).isFalse();
    assertThat(policy.refusalReason(parsed)).contains(IpLiteral.format(parsed) + " is " + description);
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1",
      "2a00:1450:4001::1", "64:ff9b::5db8:d822", "2002:5db8:d822::1"})
  void allowsPublicAddresses(String address) throws UnknownHostException {
    assertThat(policy.refusalReason(literal(address))).isEmpty();
  }

  @Test
  void refusesIpv4MappedPrivateAddress() throws UnknownHostException {
    assertThat(policy.refusalReason(literal("::ffff:10.0.0.1"))).contains("10.0.0.1 is a private address");
  }

  @Test
  void refusesIpv4MappedLoopbackEvenWhenKeptAsAnIpv6Object() throws UnknownHostException {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

    assertThat(policy.refusalReason(address))
        .contains("::ffff:127.0.0.1 is an IPv4-mapped form of 127.0.0.1, which is a loopback address");
  }

  @Test
  void refusesNat64FormOfPrivateAddress() throws UnknownHostException {
    assertThat(policy.refusalReason(literal("64:ff9b::a00:1")))
        .contains("64:ff9b::a00:1 is a NAT64 form of 10.0.0.1, which is a private address");
  }

  @Test
  void refuses6to4FormOfPrivateAddress() throws UnknownHostException {
    assertThat(policy.refusalReason(literal("2002:0a00:0001::")))
        .contains("2002:a00:1:: is a 6to4 form of 10.0.0.1, which is a private address");
  }

  @ParameterizedTest(name = "{0} means 127.0.0.1")
  @ValueSource(strings = {"2130706433", "0x7f000001", "0X7F000001", "0177.0.0.1", "127.1", "017700000001", "0x7f.0.0.1",
      "0x7f.1", "127.0.1", "127.0.0.1.", "127.0.0.1"})
  void readsOddSpellingsOfLoopback(String host) throws UnknownHostException {
    assertThat(AddressPolicy.parseLiteralHost(host)).contains(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
  }

  @Test
  void readsBracketedIpv6() {
    assertThat(AddressPolicy.parseLiteralHost("[::1]")).map(IpLiteral::format).contains("::1");
    assertThat(AddressPolicy.parseLiteralHost("[fe80::1%25eth0]")).map(IpLiteral::format).contains("fe80::1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.org", "localhost", "1.2.3.256", "256.1", "1..2", "1.2.3.4.5", "09.1.1.1",
      "[not-an-address]", "[::1", "4294967296", "١٢٧.0.0.1", ""})
  void readsNoAddressFromNamesAndMalformedNumbers(String host) {
    assertThat(AddressPolicy.parseLiteralHost(host)).isEmpty();
  }

  @Test
  void allowListOverridesRefusal() throws UnknownHostException {
    AddressPolicy loopbackAllowed = AddressPolicy.refusingPrivate(List.of("127.0.0.0/8", "::1/128"));

    assertThat(loopbackAllowed.isAllowed(literal("127.0.0.1"))).isTrue();
    assertThat(loopbackAllowed.isAllowed(literal("127.99.0.1"))).isTrue();
    assertThat(loopbackAllowed.isAllowed(literal("::1"))).isTrue();
    assertThat(loopbackAllowed.isAllowed(literal("10.0.0.1"))).isFalse();
    assertThat(loopbackAllowed.isAllowed(literal("fe80::1"))).isFalse();
  }

  @Test
  void allowListOfOneAddressAllowsOnlyThatAddress() throws UnknownHostException {
    AddressPolicy one = AddressPolicy.refusingPrivate(List.of("127.0.0.2/32"));

    assertThat(one.isAllowed(literal("127.0.0.2"))).isTrue();
    assertThat(one.isAllowed(literal("127.0.0.1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.0/33", "::1/129", "localhost/8", "127.0.0.0/x", "127.1/8", "10.0.0.0/-1", "", "::zz/64"})
  void invalidAllowCidrIsRefusedWithItsText(String cidr) {
    assertThatThrownBy(() -> AddressPolicy.refusingPrivate(List.of(cidr)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + cidr + "' is not a CIDR block");
  }

  /** Only literals: InetAddress.getByName never consults DNS for these. */
  private static InetAddress literal(String address) throws UnknownHostException {
    return AddressPolicy.parseLiteralHost(address).orElseThrow(() -> new UnknownHostException(address));
  }
}
