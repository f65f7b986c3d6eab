package org.skillshelf.ingest.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.ingest.intake.ResourceStatus;

/** The contract's view of one submission: its resource's status and the history of changes. */
public record SubmissionView(
    String id,
    String resourceId,
    String url,
    String canonicalUrl,
    String status,
    List<ResourceStatus.StatusChange> history,
    int suggestions,
    @Nullable String detail) {}
