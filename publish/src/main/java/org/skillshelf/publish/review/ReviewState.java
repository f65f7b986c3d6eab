package org.skillshelf.publish.review;

/** Where a resource stands with the curators. */
public enum ReviewState {
  /** Enriched and waiting for a decision. */
  PENDING,
  /** Enrichment failed; waiting for a curator to fix, re-enrich or reject it. */
  FAILED,
  APPROVED,
  REJECTED,
  WITHDRAWN;

  public boolean awaitsDecision() {
    return this == PENDING || this == FAILED;
  }
}
