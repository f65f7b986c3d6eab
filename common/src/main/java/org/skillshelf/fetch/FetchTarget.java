package org.skillshelf.fetch;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A URL checked for fetching and rewritten canonically: http or https only, user-info and
 * fragment dropped, host lower-cased, a literal IP in any odd spelling rewritten as the address it
 * means ({@code http://2130706433/} becomes {@code http://127.0.0.1/}), so the connection guard and
 * the logs see the real address.
 */
record FetchTarget(URI uri, String host) {
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");
  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?");

  static FetchTarget of(URI uri) throws FetchFailure {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(scheme.isEmpty() ? "the address " + uri + " is not a full web address (it has no http:// or https://)"
          : "only http and https addresses can be fetched, not " + scheme + ":");
    }
    String authority = uri.getRawAuthority();
    if (uri.isOpaque() || authority == null || authority.isEmpty()) {
      throw invalid("the address " + uri + " has no host name");
    }
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    int portStart = portSeparator(hostAndPort);
    String host = canonicalHost(portStart < 0 ? hostAndPort : hostAndPort.substring(0, portStart), uri);
    String port = portStart < 0 ? "" : port(hostAndPort.substring(portStart + 1), uri);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    try {
      return new FetchTarget(new URI(scheme + "://" + host + port + path + query), host);
    } catch (URISyntaxException e) {
      throw invalid("the address " + uri + " is not a valid web address");
    }
  }

  /** Resolves a {@code Location} header against the URL that sent it. */
  static FetchTarget redirect(URI from, String location) throws FetchFailure {
    try {
      return of(from.resolve(new URI(location.strip())));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchFailure(FetchFailure.Reason.INVALID_URL,
          "the server redirected to an address that is not valid: " + location.strip());
    }
  }

  private static int portSeparator(String hostAndPort) {
    int closingBracket = hostAndPort.lastIndexOf(']');
    int colon = hostAndPort.lastIndexOf(':');
    if (hostAndPort.startsWith("[")) {
      return colon > closingBracket ? colon : -1;
    }
    return colon;
  }

  private static String canonicalHost(String rawHost, URI uri) throws FetchFailure {
    String host = rawHost.toLowerCase(Locale.ROOT);
    Optional<InetAddress> literal = IpLiteral.parse(host);
    if (literal.isPresent()) {
      String text = IpLiteral.format(literal.get());
      return text.indexOf(':') >= 0 ? "[" + text + "]" : text;
    }
    if (host.startsWith("[") || IpLiteral.looksNumeric(host)) {
      throw invalid("the address " + uri + " has a host that is not a valid IP address: " + rawHost);
    }
    String ascii = toAscii(host, uri);
    if (!HOST_NAME.matcher(ascii).matches() || ascii.length() > 253) {
      throw invalid("the address " + uri + " has a host name that is not valid: " + rawHost);
    }
    return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
  }

  private static String toAscii(String host, URI uri) throws FetchFailure {
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalid("the address " + uri + " has a host name that is not valid: " + host);
    }
  }

  private static String port(String text, URI uri) throws FetchFailure {
    if (text.isEmpty()) {
      return "";
    }
    if (!PORT.matcher(text).matches() || Integer.parseInt(text) == 0 || Integer.parseInt(text) > 65535) {
      throw invalid("the address " + uri + " has a port that is not valid: " + text);
    }
    return ":" + Integer.parseInt(text);
  }

  private static FetchFailure invalid(String message) {
    return new FetchFailure(FetchFailure.Reason.INVALID_URL, message);
  }
}
