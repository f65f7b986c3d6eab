package org.skillshelf.publish.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search result as the JSON API and the pages show it.
 *
 * @param snippet the passage that matched, as plain text
 * @param snippetHtml the same passage as safe HTML: matches in {@code <mark>}, the rest escaped
 */
public record CatalogueHit(
    String resourceId,
    String url,
    String title,
    @Nullable String description,
    List<String> skills,
    @Nullable String type,
    @Nullable String language,
    String linkState,
    @Nullable String snippet,
    @Nullable String snippetHtml) {}
