package org.skillshelf.enrich.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.skillshelf.text.SimHash;
import org.skillshelf.events.LikelyDuplicate;

/**
 * The main-text fingerprints of every resource in review or in the catalogue, for spotting a new
 * resource that is nearly the same as one already known.
 */
public final class Fingerprints {
  /** SimHash similarity from which two texts are reported as likely the same resource. */
  static final double THRESHOLD = 0.90;
  private static final int MAX_REPORTED = 5;

  private final Map<String, Long> byResource = new ConcurrentHashMap<>();

  public void put(String resourceId, long fingerprint) {
    if (fingerprint != 0) {
      byResource.put(resourceId, fingerprint);
    }
  }

  public void remove(String resourceId) {
    byResource.remove(resourceId);
  }

  public List<LikelyDuplicate> likelyDuplicates(String resourceId, long fingerprint) {
    if (fingerprint == 0) {
      return List.of();
    }
    List<LikelyDuplicate> found = new ArrayList<>();
    byResource.forEach((id, other) -> {
      if (!id.equals(resourceId)) {
        double similarity = SimHash.similarity(fingerprint, other);
        if (similarity >= THRESHOLD) {
          found.add(new LikelyDuplicate(id, Math.round(similarity * 1000) / 1000.0));
        }
      }
    });
    found.sort(Comparator.comparingDouble(LikelyDuplicate::similarity).reversed());
    return found.size() > MAX_REPORTED ? List.copyOf(found.subList(0, MAX_REPORTED)) : found;
  }
}
