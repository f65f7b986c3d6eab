package org.skillshelf.licence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The open licences the catalogue knows, in both directions: enrich recognises a licence from a
 * licence URL or name and records its SPDX id; publish turns that id back into the licence's URL,
 * as schema.org asks. Unknown licences give nothing rather than a guess.
 */
public final class Licences {
  private static final Pattern CC_URL = Pattern.compile(
      "creativecommons\\.org/licen[cs]es/(by(?:-nc)?(?:-sa|-nd)?)/(\\d\\.\\d)");
  private static final Pattern CC_NAME = Pattern.compile(
      "\\bcc[ -](by(?:[ -]nc)?(?:[ -]sa|[ -]nd)?)[ -]?(\\d\\.\\d)\\b");
  private static final Pattern CC_LONG = Pattern.compile(
      "creative commons attribution(-noncommercial)?(-sharealike|-noderivatives|-noderivs)?"
          + " (\\d\\.\\d)");
  private static final Pattern CC_SPDX = Pattern.compile("cc-(by(?:-nc)?(?:-sa|-nd)?)-(\\d\\.\\d)");

  /** Licences other than Creative Commons' attribution family: SPDX id and where it is published. */
  private enum Known {
    CC0("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "creativecommons.org/publicdomain/zero/1.0", "cc0"),
    MIT("MIT", "https://opensource.org/licenses/MIT", "opensource.org/licenses/mit", "mit license"),
    APACHE("Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0", "apache.org/licenses/license-2.0", "apache license 2.0", "apache-2.0"),
    GPL3("GPL-3.0-only", "https://www.gnu.org/licenses/gpl-3.0.html", "gnu.org/licenses/gpl-3.0"),
    GPL2("GPL-2.0-only", "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html", "gnu.org/licenses/gpl-2.0", "gnu.org/licenses/old-licenses/gpl-2.0"),
    AGPL3("AGPL-3.0-only", "https://www.gnu.org/licenses/agpl-3.0.html", "gnu.org/licenses/agpl-3.0"),
    LGPL3("LGPL-3.0-only", "https://www.gnu.org/licenses/lgpl-3.0.html", "gnu.org/licenses/lgpl-3.0"),
    GFDL("GFDL-1.3-only", "https://www.gnu.org/licenses/fdl-1.3.html", "gnu.org/licenses/fdl-1.3"),
    BSD3("BSD-3-Clause", "https://opensource.org/licenses/BSD-3-Clause", "opensource.org/licenses/bsd-3-clause"),
    BSD2("BSD-2-Clause", "https://opensource.org/licenses/BSD-2-Clause", "opensource.org/licenses/bsd-2-clause");

    final String spdx;
    final String url;
    final String[] fragments;

    Known(String spdx, String url, String... fragments) {
      this.spdx = spdx;
      this.url = url;
      this.fragments = fragments;
    }
  }

  private static final Map<String, Known> BY_SPDX = Arrays.stream(Known.values())
      .collect(Collectors.toUnmodifiableMap(k -> k.spdx.toLowerCase(Locale.ROOT), k -> k));

  private Licences() {}

  /** The SPDX id of the licence a URL or name declares, or nothing when it is not one we know. */
  public static Optional<String> recognise(String declared) {
    String text = declared.strip().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher url = CC_URL.matcher(text);
    if (url.find()) {
      return Optional.of(spdxCc(url.group(1), url.group(2)));
    }
    Matcher name = CC_NAME.matcher(text);
    if (name.find()) {
      return Optional.of(spdxCc(name.group(1).replace(' ', '-'), name.group(2)));
    }
    Matcher long_ = CC_LONG.matcher(text);
    if (long_.find()) {
      String parts = "by" + (long_.group(1) != null ? "-nc" : "")
          + (long_.group(2) == null ? "" : long_.group(2).contains("share") ? "-sa" : "-nd");
      return Optional.of(spdxCc(parts, long_.group(3)));
    }
    for (Known known : Known.values()) {
      for (String fragment : known.fragments) {
        if (text.contains(fragment)) {
          return Optional.of(known.spdx);
        }
      }
    }
    return Optional.empty();
  }

  /** The licence's URL: an SPDX id we know is looked up, a URL is kept as it is, anything else is unknown. */
  public static Optional<String> url(String licence) {
    String trimmed = licence.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      return Optional.of(trimmed);
    }
    Matcher cc = CC_SPDX.matcher(lower);
    if (cc.matches()) {
      return Optional.of("https://creativecommons.org/licenses/" + cc.group(1) + "/" + cc.group(2) + "/");
    }
    return Optional.ofNullable(BY_SPDX.get(lower)).map(k -> k.url);
  }

  private static String spdxCc(String parts, String version) {
    return "CC-" + parts.toUpperCase(Locale.ROOT) + "-" + version;
  }
}
