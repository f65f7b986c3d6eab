package org.skillshelf.enrich.extract;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a licence from a licence URL or name and gives its SPDX identifier, so the catalogue
 * can tell openly licensed resources apart. Unknown licences give nothing rather than a guess.
 */
final class Licences {

  private static final Pattern CC_URL = Pattern.compile(
      "creativecommons\\.org/licen[cs]es/(by(?:-nc)?(?:-sa|-nd)?)/(\\d\\.\\d)");
  private static final Pattern CC_NAME = Pattern.compile(
      "\\bcc[ -](by(?:[ -]nc)?(?:[ -]sa|[ -]nd)?)[ -]?(\\d\\.\\d)\\b");
  private static final Pattern CC_LONG = Pattern.compile(
      "creative commons attribution(-noncommercial)?(-sharealike|-noderivatives|-noderivs)?"
          + " (\\d\\.\\d)");
  private static final Map<String, String> BY_FRAGMENT = Map.ofEntries(
      Map.entry("creativecommons.org/publicdomain/zero/1.0", "CC0-1.0"),
      Map.entry("cc0", "CC0-1.0"),
      Map.entry("opensource.org/licenses/mit", "MIT"),
      Map.entry("mit license", "MIT"),
      Map.entry("apache.org/licenses/license-2.0", "Apache-2.0"),
      Map.entry("apache license 2.0", "Apache-2.0"),
      Map.entry("apache-2.0", "Apache-2.0"),
      Map.entry("gnu.org/licenses/gpl-3.0", "GPL-3.0-only"),
      Map.entry("gnu.org/licenses/gpl-2.0", "GPL-2.0-only"),
      Map.entry("gnu.org/licenses/agpl-3.0", "AGPL-3.0-only"),
      Map.entry("gnu.org/licenses/lgpl-3.0", "LGPL-3.0-only"),
      Map.entry("gnu.org/licenses/fdl-1.3", "GFDL-1.3-only"),
      Map.entry("opensource.org/licenses/bsd-3-clause", "BSD-3-Clause"),
      Map.entry("opensource.org/licenses/bsd-2-clause", "BSD-2-Clause"));

  private Licences() {}

  static @Nullable String recognise(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String text = raw.strip().toLowerCase(Locale.ROOT);
    Matcher url = CC_URL.matcher(text);
    if (url.find()) {
      return spdxCc(url.group(1), url.group(2));
    }
    Matcher name = CC_NAME.matcher(text);
    if (name.find()) {
      return spdxCc(name.group(1).replace(' ', '-'), name.group(2));
    }
    Matcher long_ = CC_LONG.matcher(text);
    if (long_.find()) {
      String parts = "by" + (long_.group(1) != null ? "-nc" : "")
          + (long_.group(2) == null ? "" : long_.group(2).contains("share") ? "-sa" : "-nd");
      return spdxCc(parts, long_.group(3));
    }
    for (Map.Entry<String, String> entry : BY_FRAGMENT.entrySet()) {
      if (text.contains(entry.getKey())) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static String spdxCc(String parts, String version) {
    return "CC-" + parts.toUpperCase(Locale.ROOT) + "-" + version;
  }
}
