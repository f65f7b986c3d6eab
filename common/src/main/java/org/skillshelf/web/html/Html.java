package org.skillshelf.web.html;

import org.jspecify.annotations.Nullable;

/**
 * Escaping for values put into HTML. Everything scraped or typed by someone else goes through {@link
 * #text} (element content and quoted attribute values alike), so a title like {@code
 * <script>alert(1)</script>" onmouseover="x} is shown as text and never runs.
 *
 * <pre>{@code
 * "<h1>" + Html.text(record.title()) + "</h1>"
 * }</pre>
 */
public final class Html {
  private Html() {}

  /** Escapes {@code & < > " '} and drops control characters; null becomes the empty string. */
  public static String text(@Nullable String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A URL for an {@code href}: only http(s) and same-site paths; anything else becomes {@code #}. */
  public static String href(@Nullable String url) {
    if (url == null) {
      return "#";
    }
    String trimmed = url.strip();
    String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
    boolean safe = lower.startsWith("http://") || lower.startsWith("https://")
        || (trimmed.startsWith("/") && !trimmed.startsWith("//"));
    return safe ? text(trimmed) : "#";
  }

  /** Percent-encodes a query parameter value. */
  public static String param(@Nullable String value) {
    return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
