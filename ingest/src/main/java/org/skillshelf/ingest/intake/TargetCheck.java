package org.skillshelf.ingest.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.skillshelf.fetch.AddressPolicy;
import org.skillshelf.web.ApiException;

/**
 * Refuses suggestions whose host resolves to an address the fetcher would never reach (private,
 * loopback, link-local, reserved…), so a submitter learns at once rather than after a failed fetch.
 * The fetcher checks again on every connection and redirect: this is a courtesy, not the guard.
 */
public final class TargetCheck {
  private final AddressPolicy policy;

  public TargetCheck(AddressPolicy policy) {
    this.policy = policy;
  }

  public void check(String host) {
    InetAddress[] addresses;
    Optional<InetAddress> literal = AddressPolicy.parseLiteralHost(host);
    try {
      addresses = literal.isPresent() ? new InetAddress[] {literal.get()} : InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw ApiException.badRequest("INVALID_URL", "The host " + host + " does not exist (its name does not resolve).");
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = policy.refusalReason(address);
      if (refusal.isPresent()) {
        throw ApiException.badRequest("FORBIDDEN_ADDRESS", "This address cannot be suggested: " + refusal.get() + ".");
      }
    }
  }
}
