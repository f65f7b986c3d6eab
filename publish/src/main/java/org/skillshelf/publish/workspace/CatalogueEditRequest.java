package org.skillshelf.publish.workspace;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.ReviewDecision.Edits;

/**
 * The body of {@code POST /api/catalogue/{resourceId}/edit}: the fields to change (absent ones stay
 * as published) and, optionally, the review version the curator saw.
 */
public record CatalogueEditRequest(
    @Nullable String title,
    @Nullable String description,
    @Nullable List<String> skills,
    @Nullable String type,
    @Nullable String level,
    @Nullable List<String> collections,
    @Nullable Long expectedVersion) {

  Edits edits() {
    return new Edits(title, description, skills, type, level, collections);
  }
}
