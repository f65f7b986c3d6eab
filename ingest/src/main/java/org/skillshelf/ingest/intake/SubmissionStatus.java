package org.skillshelf.ingest.intake;

/** Where a suggested resource stands, as the contract names it (plus WITHDRAWN after publishing). */
public enum SubmissionStatus {
  RECEIVED,
  ENRICHING,
  IN_REVIEW,
  PUBLISHED,
  REJECTED,
  FAILED,
  WITHDRAWN
}
