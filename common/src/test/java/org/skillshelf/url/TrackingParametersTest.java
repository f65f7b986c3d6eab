package org.skillshelf.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingParametersTest {

  @Test
  void defaultsCoverTheCommonAnalyticsParameters() {
    TrackingParameters defaults = TrackingParameters.defaults();
    assertThat(List.of("utm_source", "utm_whatever", "fbclid", "gclid", "dclid", "msclkid",
            "mc_cid", "mc_eid", "igshid", "ref_src", "_hsenc", "_hsmi", "yclid"))
        .allMatch(defaults::isTracking);
  }

  @Test
  void defaultsKeepOrdinaryParameters() {
    TrackingParameters defaults = TrackingParameters.defaults();
    assertThat(List.of("id", "page", "q", "v", "ref", "utm", "lang")).noneMatch(defaults::isTracking);
  }

  @Test
  void matchesNamesIgnoringCase() {
    assertThat(TrackingParameters.defaults().isTracking("UTM_Source")).isTrue();
    assertThat(TrackingParameters.defaults().isTracking("FBCLID")).isTrue();
  }

  @Test
  void parsesExactNamesAndStarredPrefixes() {
    TrackingParameters parsed = TrackingParameters.parse(" utm_* , fbclid,,Pk_* ");
    assertThat(parsed.exact()).containsExactly("fbclid");
    assertThat(parsed.prefixes()).containsExactly("utm_", "pk_");
  }

  @Test
  void refusesABareStarBecauseItWouldRemoveEveryParameter() {
    assertThatThrownBy(() -> TrackingParameters.parse("utm_*,*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bare *");
  }

  @Test
  void parsesAnEmptyListAsNoTrackingParameters() {
    assertThat(TrackingParameters.parse("").isTracking("utm_source")).isFalse();
  }
}
