package org.skillshelf.url;

import java.util.Locale;
import java.util.StringJoiner;

/** The canonicalisation steps, in the order RFC 3986 section 6 applies them. */
final class CanonicalForm {

  private static final int MAX_SUGGESTION_LENGTH = 200;
  private static final String HTTP_ONLY = "The address must start with http:// or https://.";

  private CanonicalForm() {}

  static String of(String raw, TrackingParameters tracking) throws InvalidUrlException {
    String input = checkedInput(raw);
    String scheme = scheme(input);
    String rest = input.substring(scheme.length() + 1);
    if (!rest.startsWith("//")) {
      throw new InvalidUrlException(
          "The address must start with http:// or https:// followed by a host name,"
              + " for example https://example.org/.");
    }
    rest = rest.substring(2);
    int fragment = rest.indexOf('#');
    if (fragment >= 0) {
      rest = rest.substring(0, fragment);
    }
    int authorityEnd = indexOfAny(rest, "/?");
    String authority = Authority.canonical(rest.substring(0, authorityEnd), scheme);
    String pathAndQuery = rest.substring(authorityEnd);
    int queryStart = pathAndQuery.indexOf('?');
    String path = queryStart < 0 ? pathAndQuery : pathAndQuery.substring(0, queryStart);
    String canonicalPath = DotSegments.removed(PercentEncoding.normalised(path, false));
    StringBuilder result = new StringBuilder(scheme).append("://").append(authority);
    result.append(canonicalPath.isEmpty() ? "/" : canonicalPath);
    if (queryStart >= 0) {
      String query =
          withoutTracking(
              PercentEncoding.normalised(pathAndQuery.substring(queryStart + 1), true), tracking);
      if (!query.isEmpty()) {
        result.append('?').append(query);
      }
    }
    if (result.length() > CanonicalUrl.MAX_LENGTH) {
      throw new InvalidUrlException(
          "The address is longer than 2,048 characters once its special characters are encoded.");
    }
    return result.toString();
  }

  private static String checkedInput(String raw) throws InvalidUrlException {
    String input = raw == null ? "" : raw.strip();
    if (input.isEmpty()) {
      throw new InvalidUrlException("The address is empty.");
    }
    if (input.length() > CanonicalUrl.MAX_LENGTH) {
      throw new InvalidUrlException("The address is longer than 2,048 characters.");
    }
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new InvalidUrlException(
            "The address contains a line break, tab or other control character.");
      }
    }
    return input;
  }

  /** The lower-case scheme, which must be http or https. */
  private static String scheme(String input) throws InvalidUrlException {
    int colon = input.indexOf(':');
    String candidate = colon < 0 ? "" : input.substring(0, colon);
    if (!isSchemeName(candidate) || looksLikeHostAndPort(input, colon)) {
      throw missingScheme(input);
    }
    String scheme = candidate.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidUrlException(HTTP_ONLY);
    }
    return scheme;
  }

  /** RFC 3986's scheme syntax: a letter, then letters, digits, "+", "-" or ".". */
  private static boolean isSchemeName(String candidate) {
    if (candidate.isEmpty() || !isAsciiLetter(candidate.charAt(0))) {
      return false;
    }
    for (int i = 1; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** "example.org:8080/x" parses as scheme "example.org", but a person meant a host and port. */
  private static boolean looksLikeHostAndPort(String input, int colon) {
    return input.substring(0, colon).contains(".")
        && colon + 1 < input.length()
        && Character.isDigit(input.charAt(colon + 1));
  }

  private static InvalidUrlException missingScheme(String input) {
    String withoutSlashes = input.replaceFirst("^/+", "");
    boolean suggestable =
        withoutSlashes.length() <= MAX_SUGGESTION_LENGTH
            && !withoutSlashes.isEmpty()
            && withoutSlashes.chars().noneMatch(Character::isWhitespace);
    return new InvalidUrlException(
        suggestable
            ? HTTP_ONLY + " Did you mean \u201chttps://" + withoutSlashes + "\u201d?"
            : HTTP_ONLY + " For example: \u201chttps://example.org/\u201d.");
  }

  /** Drops tracking parameters and empty pairs; keeps every other parameter in its order. */
  private static String withoutTracking(String query, TrackingParameters tracking) {
    StringJoiner kept = new StringJoiner("&");
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (!pair.isEmpty() && !tracking.isTracking(name)) {
        kept.add(pair);
      }
    }
    return kept.toString();
  }

  private static int indexOfAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }
}
