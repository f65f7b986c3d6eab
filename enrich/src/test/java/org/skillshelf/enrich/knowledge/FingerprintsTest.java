package org.skillshelf.enrich.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skillshelf.events.LikelyDuplicate;

class FingerprintsTest {
  private static final long PRINT = 0x0123_4567_89ab_cdefL;
  /** Differs from PRINT in two bits of 64: similarity 0.969. */
  private static final long NEAR = PRINT ^ 0b101L;
  /** Differs in every bit: similarity 0. */
  private static final long FAR = ~PRINT;

  @Test
  void reportsANearlyEqualFingerprintButNotAFarOne() {
    Fingerprints fingerprints = new Fingerprints();
    fingerprints.put("near", NEAR);
    fingerprints.put("far", FAR);

    assertThat(fingerprints.likelyDuplicates("new", PRINT))
        .containsExactly(new LikelyDuplicate("near", 0.969));
  }

  @Test
  void neverReportsAResourceAsItsOwnDuplicate() {
    Fingerprints fingerprints = new Fingerprints();
    fingerprints.put("same", PRINT);

    assertThat(fingerprints.likelyDuplicates("same", PRINT)).isEmpty();
  }

  @Test
  void aRemovedResourceIsNoLongerReportedAndItsSlotIsReused() {
    Fingerprints fingerprints = new Fingerprints();
    fingerprints.put("old", NEAR);
    fingerprints.remove("old");

    fingerprints.put("new", FAR);

    assertThat(fingerprints.size()).isEqualTo(1);
    assertThat(fingerprints.likelyDuplicates("x", PRINT)).isEmpty();
  }

  @Test
  void puttingAResourceAgainReplacesItsFingerprint() {
    Fingerprints fingerprints = new Fingerprints();
    fingerprints.put("r1", FAR);

    fingerprints.put("r1", NEAR);

    assertThat(fingerprints.size()).isEqualTo(1);
    assertThat(fingerprints.likelyDuplicates("x", PRINT)).extracting(LikelyDuplicate::resourceId).containsExactly("r1");
  }

  @Test
  void ignoresAnEmptyTextsZeroFingerprint() {
    Fingerprints fingerprints = new Fingerprints();
    fingerprints.put("empty", 0);

    assertThat(fingerprints.size()).isZero();
    assertThat(fingerprints.likelyDuplicates("x", 0)).isEmpty();
  }
}
