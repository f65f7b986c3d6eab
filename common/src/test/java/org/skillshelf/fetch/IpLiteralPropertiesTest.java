package org.skillshelf.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Every spelling a browser accepts for an IPv4 address reads as that same address. */
class IpLiteralPropertiesTest {

  @Property
  void everySpellingOfAnIpv4AddressReadsTheSame(@ForAll int bits) throws UnknownHostException {
    InetAddress address = InetAddress.getByAddress(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
    long unsigned = Integer.toUnsignedLong(bits);
    int a = (bits >>> 24) & 0xff;
    int b = (bits >>> 16) & 0xff;

    assertThat(IpLiteral.parse(Long.toString(unsigned))).contains(address);
    assertThat(IpLiteral.parse("0x" + Long.toHexString(unsigned))).contains(address);
    assertThat(IpLiteral.parse("0" + Long.toOctalString(unsigned))).contains(address);
    assertThat(IpLiteral.parse(a + "." + (unsigned & 0xffffff))).contains(address);
    assertThat(IpLiteral.parse("0x" + Integer.toHexString(a) + "." + b + "." + (unsigned & 0xffff))).contains(address);
    assertThat(IpLiteral.parse(IpLiteral.format(address))).contains(address);
  }

  @Property
  void formattedIpv6ReadsBackAsTheSameAddress(@ForAll byte[] raw) throws UnknownHostException {
    byte[] bytes = java.util.Arrays.copyOf(raw, 16);
    InetAddress address = InetAddress.getByAddress(bytes);

    assertThat(IpLiteral.parse("[" + IpLiteral.format(address) + "]")).contains(address);
  }
}
