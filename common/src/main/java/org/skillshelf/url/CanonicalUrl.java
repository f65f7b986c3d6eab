package org.skillshelf.url;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.skillshelf.text.Sha256;

/**
 * The one spelling Skillshelf keeps for a web address, and the {@code resourceId} derived from it.
 * Two submissions of the same page that differ only in tracking parameters, fragment, host case,
 * default port, dot segments or percent-encoding get the same value and so the same id.
 *
 * <pre>{@code
 * CanonicalUrl url = CanonicalUrl.of("HTTPS://Example.org:443/a/../b?utm_source=x&id=7#top");
 * url.value();      // "https://example.org/b?id=7"
 * url.resourceId(); // "r" + 20 hex digits of SHA-256("https://example.org/b?id=7")
 * }</pre>
 *
 * <p>The {@code resourceId} is {@code "r"} followed by the first 20 lower-case hex digits (80 bits)
 * of the SHA-256 of the canonical value's UTF-8 bytes. It keys the catalogue topic, so this
 * function must never change: a change would orphan every stored record.
 *
 * @param value the canonical address, e.g. {@code https://example.org/b?id=7}
 * @param resourceId the stable id of the resource at that address
 */
public record CanonicalUrl(String value, String resourceId) {

  /** Longest address accepted, before and after canonicalisation. */
  public static final int MAX_LENGTH = 2048;

  private static final int ID_HEX_DIGITS = 20;

  /**
   * Checks that the id belongs to the value. Use {@link #of(String)} to build one from user input;
   * this constructor exists for records read back from storage.
   *
   * @throws IllegalArgumentException if {@code resourceId} is not the id of {@code value}
   */
  public CanonicalUrl {
    if (!resourceIdOf(value).equals(resourceId)) {
      throw new IllegalArgumentException(
          "resourceId " + resourceId + " does not belong to " + value);
    }
  }

  /** Canonicalises with the {@linkplain TrackingParameters#defaults() default tracking list}. */
  public static CanonicalUrl of(String raw) throws InvalidUrlException {
    return of(raw, TrackingParameters.defaults());
  }

  /**
   * Canonicalises an address as typed by a person or found in an import file.
   *
   * @throws InvalidUrlException with a sentence saying what is wrong; never any other exception
   */
  public static CanonicalUrl of(String raw, TrackingParameters tracking)
      throws InvalidUrlException {
    String canonical;
    try {
      canonical = CanonicalForm.of(raw, tracking);
    } catch (RuntimeException unexpected) {
      // Callers rely on "invalid address or a value", and input is hostile by nature; a defect in
      // one rule must reject that address rather than fail the whole request or import.
      throw new InvalidUrlException("The address could not be read.");
    }
    return new CanonicalUrl(canonical, resourceIdOf(canonical));
  }

  /** The canonical value as a {@link URI}; it always parses. */
  public URI uri() {
    return URI.create(value);
  }

  /**
   * The host as it appears in the canonical value: lower-case, punycode for international names,
   * IPv6 literals in brackets (e.g. {@code [2001:db8::1]}).
   */
  public String host() {
    int start = value.indexOf("://") + 3;
    if (value.charAt(start) == '[') {
      return value.substring(start, value.indexOf(']', start) + 1);
    }
    int end = start;
    while (end < value.length() && value.charAt(end) != ':' && value.charAt(end) != '/') {
      end++;
    }
    return value.substring(start, end);
  }

  static String resourceIdOf(String canonical) {
    byte[] hash = Sha256.of(canonical.getBytes(StandardCharsets.UTF_8));
    return "r" + HexFormat.of().formatHex(hash, 0, ID_HEX_DIGITS / 2);
  }
}
