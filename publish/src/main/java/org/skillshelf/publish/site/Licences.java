package org.skillshelf.publish.site;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where the common open licences live, so JSON-LD can name a licence by URL as schema.org asks. */
final class Licences {
  private static final Map<String, String> URLS = Map.ofEntries(
      Map.entry("cc0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
      Map.entry("cc-by-4.0", "https://creativecommons.org/licenses/by/4.0/"),
      Map.entry("cc-by-sa-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
      Map.entry("cc-by-nc-4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
      Map.entry("cc-by-nc-sa-4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
      Map.entry("cc-by-nd-4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
      Map.entry("cc-by-nc-nd-4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
      Map.entry("cc-by-3.0", "https://creativecommons.org/licenses/by/3.0/"),
      Map.entry("cc-by-sa-3.0", "https://creativecommons.org/licenses/by-sa/3.0/"),
      Map.entry("mit", "https://opensource.org/licenses/MIT"),
      Map.entry("apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0"),
      Map.entry("gpl-3.0", "https://www.gnu.org/licenses/gpl-3.0.html"),
      Map.entry("gfdl-1.3", "https://www.gnu.org/licenses/fdl-1.3.html"));

  private Licences() {}

  /**
   * The licence's URL: an SPDX id is looked up, a URL is kept as it is, anything else is unknown.
   */
  static Optional<String> url(String licence) {
    String trimmed = licence.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      return Optional.of(trimmed);
    }
    return Optional.ofNullable(URLS.get(lower));
  }
}
