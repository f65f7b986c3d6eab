package org.skillshelf.publish.collections;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a curator sends to create or replace a collection (the body of {@code POST
 * /api/collections} and {@code PUT /api/collections/{id}}). Everything may be missing here;
 * {@link CollectionRules} says what is required. Reordering is a PUT with the steps in the new order.
 *
 * @param kind {@code COLLECTION} (the default) or {@code LEARNING_PATH}
 */
public record CollectionDraft(
    @Nullable String title,
    @Nullable String description,
    @Nullable String guestCurator,
    @Nullable String guestCuratorBio,
    @Nullable String kind,
    @Nullable String level,
    @Nullable Integer estimatedMinutes,
    @Nullable List<StepDraft> steps) {

  /** One step as sent: a published resource and an optional note. */
  public record StepDraft(@Nullable String resourceId, @Nullable String note) {}
}
