package org.skillshelf.publish.web;

import org.jspecify.annotations.Nullable;
import org.skillshelf.events.ReviewDecision.Edits;

/** The body of {@code POST /api/review/{resourceId}/decision}. */
public record DecisionRequest(
    @Nullable String decision, @Nullable String reason, @Nullable Edits edits, @Nullable Long expectedVersion) {}
