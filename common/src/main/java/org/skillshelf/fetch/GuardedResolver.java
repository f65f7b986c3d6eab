package org.skillshelf.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The only way Jetty learns where to connect. It resolves the host once, checks every address
 * against the policy, and hands Jetty exactly those addresses: there is no second lookup an
 * attacker's DNS could answer differently (DNS rebinding).
 */
final class GuardedResolver implements SocketAddressResolver {
  private final AddressPolicy policy;

  GuardedResolver(AddressPolicy policy) {
    this.policy = policy;
  }

  /** Thrown into Jetty's connection promise when a host resolves to a refused address. */
  static final class AddressRefused extends IOException {
    private static final long serialVersionUID = 1L;

    AddressRefused(String reason) {
      super(reason);
    }
  }

  @Override
  public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
    // Lookups block; a virtual thread keeps them off Jetty's selector and pool threads.
    Thread.ofVirtual().name("skillshelf-fetch-dns").start(() -> complete(host, port, promise));
  }

  private void complete(String host, int port, Promise<List<InetSocketAddress>> promise) {
    try {
      promise.succeeded(checkedAddresses(host).stream().map(a -> new InetSocketAddress(a, port)).toList());
    } catch (IOException | RuntimeException e) {
      promise.failed(e);
    }
  }

  /** Every address the host has, or an exception if any of them is refused. */
  List<InetAddress> checkedAddresses(String host) throws IOException {
    Optional<InetAddress> literal = IpLiteral.parse(host);
    List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : Arrays.asList(InetAddress.getAllByName(host));
    if (addresses.isEmpty()) {
      throw new UnknownHostException(host);
    }
    // Refuse the host if any address is refused: a name that points both outside and inside
    // is more likely an attack than a mistake.
    for (InetAddress address : addresses) {
      Optional<String> refusal = policy.refusalReason(address);
      if (refusal.isPresent()) {
        throw new AddressRefused(refusal.get());
      }
    }
    return addresses;
  }
}
