package org.skillshelf.url;

import java.util.ArrayList;
import java.util.List;

/**
 * IPv6 host literals, parsed by hand (RFC 4291 section 2.2) rather than with {@code InetAddress},
 * which may consult name services for some inputs, and written in the RFC 5952 form.
 */
final class Ipv6Literal {

  private static final int GROUPS = 8;

  private Ipv6Literal() {}

  /** The RFC 5952 spelling of the text between the brackets, without the brackets. */
  static String canonical(String text) throws InvalidUrlException {
    return format(parse(text));
  }

  private static int[] parse(String text) throws InvalidUrlException {
    if (text.isEmpty() || !text.chars().allMatch(Ipv6Literal::allowed)) {
      throw invalid();
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      throw invalid();
    }
    List<Integer> head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
    List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2), true);
    int missing = GROUPS - head.size() - tail.size();
    if (gap < 0 ? missing != 0 : missing < 1) {
      throw invalid();
    }
    int[] groups = new int[GROUPS];
    for (int i = 0; i < head.size(); i++) {
      groups[i] = head.get(i);
    }
    for (int i = 0; i < tail.size(); i++) {
      groups[GROUPS - tail.size() + i] = tail.get(i);
    }
    return groups;
  }

  private static boolean allowed(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
        || c == ':' || c == '.';
  }

  /** Colon-separated groups; the last may be a dotted IPv4 address when {@code ipv4Last}. */
  private static List<Integer> groups(String part, boolean ipv4Last) throws InvalidUrlException {
    List<Integer> groups = new ArrayList<>();
    if (part.isEmpty()) {
      return groups;
    }
    String[] pieces = part.split(":", -1);
    for (int i = 0; i < pieces.length; i++) {
      String piece = pieces[i];
      if (piece.contains(".") && ipv4Last && i == pieces.length - 1) {
        int ipv4 = ipv4(piece);
        groups.add(ipv4 >>> 16);
        groups.add(ipv4 & 0xffff);
      } else if (piece.isEmpty() || piece.length() > 4 || piece.contains(".")) {
        throw invalid();
      } else {
        groups.add(Integer.parseInt(piece, 16));
      }
    }
    return groups;
  }

  private static int ipv4(String dotted) throws InvalidUrlException {
    String[] octets = dotted.split("\\.", -1);
    if (octets.length != 4) {
      throw invalid();
    }
    int value = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
        throw invalid();
      }
      int number = Integer.parseInt(octet);
      if (number > 255) {
        throw invalid();
      }
      value = (value << 8) | number;
    }
    return value;
  }

  /** Lower-case hex without leading zeros; the first longest run of two or more zeros as "::". */
  private static String format(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < GROUPS; ) {
      int j = i;
      while (j < GROUPS && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < GROUPS; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
      } else {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
          out.append(':');
        }
        out.append(Integer.toHexString(groups[i]));
      }
    }
    return out.toString();
  }

  private static InvalidUrlException invalid() {
    return new InvalidUrlException("The IPv6 address in brackets is not valid.");
  }
}
