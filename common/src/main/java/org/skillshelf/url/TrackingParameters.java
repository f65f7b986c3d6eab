package org.skillshelf.url;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters that only say where a visitor came from and never change what a page
 * shows, so canonicalisation drops them. Names are compared ignoring ASCII case.
 *
 * <pre>{@code
 * TrackingParameters tracking = TrackingParameters.parse("utm_*,fbclid,gclid");
 * tracking.isTracking("UTM_Source"); // true
 * }</pre>
 *
 * @param exact parameter names removed when they match exactly
 * @param prefixes parameter name prefixes: any name starting with one is removed
 */
public record TrackingParameters(List<String> exact, List<String> prefixes) {

  private static final List<String> DEFAULT_EXACT =
      List.of(
          "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
          "ttclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok",
          "ref_src", "oly_anon_id", "oly_enc_id", "_openstat", "vero_id", "wickedid", "srsltid");
  private static final List<String> DEFAULT_PREFIXES = List.of("utm_");

  /**
   * Lower-cases and de-duplicates the names.
   *
   * @throws IllegalArgumentException if a name or prefix is blank (an empty prefix would remove
   *     every parameter)
   */
  public TrackingParameters {
    exact = normalised(exact, "parameter name");
    prefixes = normalised(prefixes, "parameter prefix");
  }

  /** The parameters of well-known analytics and advertising systems ({@code utm_*}, fbclid, …). */
  public static TrackingParameters defaults() {
    return new TrackingParameters(DEFAULT_EXACT, DEFAULT_PREFIXES);
  }

  /**
   * Reads a configuration value such as {@code "utm_*,fbclid,gclid"}: an entry ending in {@code *}
   * is a prefix, any other entry an exact name; blank entries are ignored.
   *
   * @throws IllegalArgumentException if an entry is a bare {@code *}
   */
  public static TrackingParameters parse(String commaList) {
    List<String> exact = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (String entry : commaList.split(",")) {
      String name = entry.strip();
      if (name.endsWith("*")) {
        prefixes.add(name.substring(0, name.length() - 1));
      } else if (!name.isEmpty()) {
        exact.add(name);
      }
    }
    return new TrackingParameters(exact, prefixes);
  }

  /** Whether a query parameter with this (already percent-decoded) name is a tracking one. */
  public boolean isTracking(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (exact.contains(lower)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> normalised(List<String> names, String what) {
    LinkedHashSet<String> result = new LinkedHashSet<>();
    for (String name : names) {
      String lower = name.strip().toLowerCase(Locale.ROOT);
      if (lower.isEmpty()) {
        throw new IllegalArgumentException(
            "A tracking " + what + " must not be empty (a bare * would remove every parameter).");
      }
      result.add(lower);
    }
    return List.copyOf(result);
  }
}
