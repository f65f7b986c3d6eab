package org.skillshelf.url;

/** The remove_dot_segments algorithm of RFC 3986 section 5.2.4, for absolute paths. */
final class DotSegments {

  private DotSegments() {}

  /**
   * Resolves {@code .} and {@code ..} segments; {@code ..} above the root is dropped, as browsers
   * do.
   */
  static String removed(String path) {
    StringBuilder out = new StringBuilder(path.length());
    int i = 0;
    int n = path.length();
    while (i < n) {
      if (path.startsWith("../", i)) {
        i += 3;
      } else if (path.startsWith("./", i) || path.startsWith("/./", i)) {
        i += 2;
      } else if (i + 2 == n && path.startsWith("/.", i)) {
        out.append('/');
        i = n;
      } else if (path.startsWith("/../", i)) {
        removeLastSegment(out);
        i += 3;
      } else if (i + 3 == n && path.startsWith("/..", i)) {
        removeLastSegment(out);
        out.append('/');
        i = n;
      } else if (path.regionMatches(i, "..", 0, n - i) && n - i <= 2) {
        // all that is left is "." or ".."
        i = n;
      } else {
        int next = path.indexOf('/', path.charAt(i) == '/' ? i + 1 : i);
        int end = next < 0 ? n : next;
        out.append(path, i, end);
        i = end;
      }
    }
    return out.toString();
  }

  private static void removeLastSegment(StringBuilder out) {
    out.setLength(Math.max(out.lastIndexOf("/"), 0));
  }
}
