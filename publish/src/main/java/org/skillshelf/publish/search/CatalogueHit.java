package org.skillshelf.publish.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One search result as the JSON API and the pages show it. */
public record CatalogueHit(
    String resourceId,
    String url,
    String title,
    @Nullable String description,
    List<String> skills,
    @Nullable String type,
    @Nullable String language,
    String linkState,
    @Nullable String snippet) {}
