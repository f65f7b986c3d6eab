package org.skillshelf.publish.review;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.ReviewDecision.Verdict;

/** One decision that changed a resource, as its history shows it: what, by whom, when and why. */
public record DecisionSummary(Verdict verdict, String curator, Instant at, @Nullable String reason) {}
