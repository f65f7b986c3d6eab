package org.skillshelf.licence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicencesTest {

  @ParameterizedTest
  @CsvSource({
      "https://creativecommons.org/licenses/by/4.0/, CC-BY-4.0",
      "http://creativecommons.org/licenses/by-sa/3.0/deed.de, CC-BY-SA-3.0",
      "https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode, CC-BY-NC-ND-4.0",
      "https://creativecommons.org/publicdomain/zero/1.0/, CC0-1.0",
      "CC BY-SA 4.0, CC-BY-SA-4.0",
      "Creative Commons Attribution 4.0 International, CC-BY-4.0",
      "https://opensource.org/licenses/MIT, MIT",
      "https://www.apache.org/licenses/LICENSE-2.0, Apache-2.0",
      "https://www.gnu.org/licenses/gpl-3.0.html, GPL-3.0-only"})
  void recognisesLicencesAsSpdxIdentifiers(String declared, String spdx) {
    assertThat(Licences.recognise(declared)).contains(spdx);
  }

  @ParameterizedTest
  @CsvSource({"All rights reserved", "https://example.org/terms", "' '"})
  void givesNothingForUnknownLicences(String declared) {
    assertThat(Licences.recognise(declared)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "CC-BY-NC-SA-3.0, https://creativecommons.org/licenses/by-nc-sa/3.0/",
      "cc-by-4.0, https://creativecommons.org/licenses/by/4.0/",
      "GPL-3.0-only, https://www.gnu.org/licenses/gpl-3.0.html",
      "https://example.org/licence, https://example.org/licence"})
  void linksAnSpdxIdToTheLicenceItNames(String licence, String url) {
    assertThat(Licences.url(licence)).contains(url);
  }

  @ParameterizedTest
  @CsvSource({
      "https://creativecommons.org/licenses/by-nd/4.0/",
      "https://creativecommons.org/publicdomain/zero/1.0/",
      "https://www.gnu.org/licenses/fdl-1.3.html",
      "https://opensource.org/licenses/BSD-2-Clause"})
  void everyIdItRecognisesLinksBackToTheSameLicence(String declared) {
    String spdx = Licences.recognise(declared).orElseThrow();
    assertThat(Licences.url(spdx).flatMap(Licences::recognise)).contains(spdx);
  }

  @Test
  void givesNoUrlForAnUnknownId() {
    assertThat(Licences.url("Proprietary")).isEmpty();
  }
}
