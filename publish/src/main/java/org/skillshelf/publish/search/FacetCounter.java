package org.skillshelf.publish.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.jspecify.annotations.Nullable;

/** Counts, for every facet dimension, how many of the matching records carry each value. */
final class FacetCounter {
  static final List<String> DIMENSIONS = List.of("skill", "area", "type", "language", "level", "linkState");
  private static final int MAX_VALUES = 100;

  private final FacetsConfig config;
  // Building the ordinal map is the dearest part of counting; it holds until the reader changes.
  private volatile @Nullable Cached cached;

  private record Cached(IndexReader reader, SortedSetDocValuesReaderState state) {}

  FacetCounter(FacetsConfig config) {
    this.config = config;
  }

  Map<String, Map<String, Integer>> count(IndexSearcher searcher, FacetsCollector collector) throws IOException {
    Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
    DIMENSIONS.forEach(d -> result.put(d, new LinkedHashMap<>()));
    SortedSetDocValuesReaderState state;
    try {
      state = state(searcher.getIndexReader());
    } catch (IllegalArgumentException noFacetsYet) {
      return result;
    }
    Facets facets = new SortedSetDocValuesFacetCounts(state, collector);
    for (String dim : DIMENSIONS) {
      FacetResult counts;
      try {
        counts = facets.getTopChildren(MAX_VALUES, dim);
      } catch (IllegalArgumentException dimensionNotIndexedYet) {
        continue;
      }
      if (counts != null) {
        for (LabelAndValue lv : counts.labelValues) {
          result.get(dim).put(lv.label, lv.value.intValue());
        }
      }
    }
    return result;
  }

  private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    Cached current = cached;
    if (current != null && current.reader() == reader) {
      return current.state();
    }
    var state = new DefaultSortedSetDocValuesReaderState(reader, config);
    cached = new Cached(reader, state);
    return state;
  }
}
