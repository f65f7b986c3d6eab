package org.skillshelf.publish.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the total, and facet counts over all matches.
 *
 * @param approximate true when nothing matched exactly and these hits match the words with typos
 *     forgiven
 */
public record SearchResult(long total, List<CatalogueHit> items, Map<String, Map<String, Integer>> facets,
    boolean approximate) {}
