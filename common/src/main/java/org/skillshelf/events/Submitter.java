package org.skillshelf.events;

import org.jspecify.annotations.Nullable;

/** Who suggested a resource, as they chose to tell us. */
public record Submitter(@Nullable String name, @Nullable String email) {}
