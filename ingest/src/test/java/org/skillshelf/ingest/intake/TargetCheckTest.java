package org.skillshelf.ingest.intake;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillshelf.fetch.AddressPolicy;
import org.skillshelf.web.ApiException;

class TargetCheckTest {

  @Test
  void refusesLoopbackByDefault() {
    var check = new TargetCheck(AddressPolicy.refusingPrivate(List.of()));
    assertThatThrownBy(() -> check.check("127.0.0.1"))
        .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("FORBIDDEN_ADDRESS"));
  }

  @Test
  void acceptsLoopbackWhenTheAllowListCoversIt() {
    var check = new TargetCheck(AddressPolicy.refusingPrivate(List.of("127.0.0.0/8")));
    assertThatCode(() -> check.check("127.0.0.1")).doesNotThrowAnyException();
  }

  @Test
  void refusesPrivateRangesTheAllowListDoesNotCover() {
    var check = new TargetCheck(AddressPolicy.refusingPrivate(List.of("127.0.0.0/8")));
    assertThatThrownBy(() -> check.check("10.1.2.3")).isInstanceOf(ApiException.class).hasMessageContaining("cannot be suggested");
  }

  @Test
  void acceptsAPublicAddress() {
    var check = new TargetCheck(AddressPolicy.refusingPrivate(List.of()));
    assertThatCode(() -> check.check("93.184.215.14")).doesNotThrowAnyException();
  }
}
