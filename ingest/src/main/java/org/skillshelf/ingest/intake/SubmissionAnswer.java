package org.skillshelf.ingest.intake;

import org.jspecify.annotations.Nullable;

/**
 * What a submitter is told: the submission's id, the resource's id and where the resource stands.
 *
 * @param duplicate true when the resource had been suggested before; the suggestion was recorded
 *     but the resource is not enriched again
 */
public record SubmissionAnswer(String id, String resourceId, String status, boolean duplicate, @Nullable String message) {}
