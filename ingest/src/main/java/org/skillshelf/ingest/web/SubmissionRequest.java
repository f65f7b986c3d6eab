package org.skillshelf.ingest.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.Submitter;

/**
 * The body of {@code POST /api/submissions}; only {@code url} is required.
 *
 * @param website a honeypot: people never see the field, bots fill it in
 */
public record SubmissionRequest(
    @Nullable String url,
    @Nullable String note,
    @Nullable List<String> skills,
    @Nullable Submitter submitter,
    @Nullable String website) {}
