package org.skillshelf.enrich.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.skillshelf.events.LikelyDuplicate;
import org.skillshelf.text.SimHash;

/**
 * The main-text fingerprints of every resource in review or in the catalogue, for spotting a new
 * resource that is nearly the same as one already known.
 *
 * <p>Every fingerprint must stay (a duplicate of any known resource counts), so they are kept
 * compactly: a {@code long[]} scanned without boxing, indexed by int slots that a removed resource
 * frees for the next. A resource costs about 80 bytes besides its id string. Thread-safe.
 */
public final class Fingerprints {
  /** SimHash similarity from which two texts are reported as likely the same resource. */
  static final double THRESHOLD = 0.90;
  private static final int MAX_REPORTED = 5;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Integer> slots = new HashMap<>();
  private long[] prints = new long[1024];
  private String[] ids = new String[1024];
  private int[] freeSlots = new int[64];
  private int freeSlotCount;
  private int slotLimit;

  public void put(String resourceId, long fingerprint) {
    if (fingerprint == 0) {
      return;
    }
    lock.writeLock().lock();
    try {
      Integer slot = slots.get(resourceId);
      int at = slot != null ? slot : allocate();
      prints[at] = fingerprint;
      ids[at] = resourceId;
      slots.put(resourceId, at);
    } finally {
      lock.writeLock().unlock();
    }
  }

  public void remove(String resourceId) {
    lock.writeLock().lock();
    try {
      Integer slot = slots.remove(resourceId);
      if (slot != null) {
        prints[slot] = 0;
        ids[slot] = null;
        if (freeSlotCount == freeSlots.length) {
          freeSlots = Arrays.copyOf(freeSlots, freeSlotCount * 2);
        }
        freeSlots[freeSlotCount++] = slot;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many resources have a fingerprint. */
  public int size() {
    lock.readLock().lock();
    try {
      return slots.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<LikelyDuplicate> likelyDuplicates(String resourceId, long fingerprint) {
    if (fingerprint == 0) {
      return List.of();
    }
    List<LikelyDuplicate> found = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (int slot = 0; slot < slotLimit; slot++) {
        // A free slot holds 0, which no stored fingerprint is.
        if (prints[slot] != 0 && !ids[slot].equals(resourceId)) {
          double similarity = SimHash.similarity(fingerprint, prints[slot]);
          if (similarity >= THRESHOLD) {
            found.add(new LikelyDuplicate(ids[slot], Math.round(similarity * 1000) / 1000.0));
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    found.sort(Comparator.comparingDouble(LikelyDuplicate::similarity).reversed());
    return found.size() > MAX_REPORTED ? List.copyOf(found.subList(0, MAX_REPORTED)) : found;
  }

  private int allocate() {
    if (freeSlotCount > 0) {
      return freeSlots[--freeSlotCount];
    }
    if (slotLimit == prints.length) {
      prints = Arrays.copyOf(prints, slotLimit * 2);
      ids = Arrays.copyOf(ids, slotLimit * 2);
    }
    return slotLimit++;
  }
}
