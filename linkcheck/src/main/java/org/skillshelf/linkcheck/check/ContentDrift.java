package org.skillshelf.linkcheck.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.skillshelf.text.SimHash;

/**
 * Tells whether a link that still answers 200 still serves the resource a curator approved: a
 * parked or for-sale domain, or a main text unlike the one fingerprinted at approval, is
 * {@code CONTENT_CHANGED}.
 *
 * <pre>{@code
 * Optional<String> why = ContentDrift.explain(page, request.fingerprint());
 * }</pre>
 */
public final class ContentDrift {
  /**
   * SimHash similarity below which the text is taken for another text. Unrelated texts differ in
   * about half of the 64 bits (similarity 0.5, standard deviation 4 bits = 0.0625), so an
   * unrelated page reaches 0.70 (19 differing bits) with a probability well under 0.1%; an edited
   * page (new paragraph, changed dates) stays above 0.85. Today's text is read by the same
   * extractor as the approved one, so an unchanged page scores exactly 1.0.
   */
  public static final double SAME_TEXT = 0.70;

  /** Wording and markers of parking and domain-sale pages (Sedo, Bodis, ParkingCrew, Dan, Afternic...). */
  private static final List<String> PARKING = List.of("domain is for sale", "domain may be for sale", "buy this domain",
      "domain for sale", "this domain is parked", "parked free", "parked domain", "sedoparking", "sedo.com/search",
      "parkingcrew", "bodis.com", "dan.com/buy-domain", "afternic", "hugedomains", "domain name is for sale",
      "diese domain steht zum verkauf", "ce domaine est à vendre", "este dominio está a la venta");

  private ContentDrift() {}

  /** Why the page is no longer the approved resource, or empty when it still is (or nothing is known). */
  public static Optional<String> explain(CheckedPage page, long approvedFingerprint) {
    String markup = page.markup().toLowerCase(Locale.ROOT);
    for (String marker : PARKING) {
      if (markup.contains(marker)) {
        return Optional.of("the domain serves a parking or for-sale page");
      }
    }
    long today = page.fingerprint();
    if (approvedFingerprint == 0L || today == 0L) {
      return Optional.empty();
    }
    double similarity = SimHash.similarity(approvedFingerprint, today);
    return similarity < SAME_TEXT
        ? Optional.of(String.format(Locale.ROOT, "the page's text changed (similarity %.2f to the approved text)", similarity))
        : Optional.empty();
  }
}
