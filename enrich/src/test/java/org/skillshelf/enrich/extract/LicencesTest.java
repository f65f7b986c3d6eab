package org.skillshelf.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

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
      "https://www.apache.org/licenses/LICENSE-2.0, Apache-2.0"})
  void recognisesLicencesAsSpdxIdentifiers(String declared, String spdx) {
    assertThat(Licences.recognise(declared)).isEqualTo(spdx);
  }

  @ParameterizedTest
  @CsvSource({"All rights reserved", "https://example.org/terms"})
  void givesNothingForUnknownLicences(String declared) {
    assertThat(Licences.recognise(declared)).isNull();
  }
}
