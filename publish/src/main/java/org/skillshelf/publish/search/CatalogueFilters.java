package org.skillshelf.publish.search;

import java.io.IOException;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkState;

/**
 * The parts of a search besides its words: the facet filters a reader chose, broken links left out
 * unless asked for, and the page in relevance or newest-first order.
 */
final class CatalogueFilters {
  private CatalogueFilters() {}

  static TopDocs top(IndexSearcher searcher, CatalogueQuery query, Query filtered) throws IOException {
    int wanted = query.page() * query.size();
    return query.sort() == CatalogueQuery.Sort.NEWEST
        ? searcher.search(filtered, wanted, new Sort(LongField.newSortField(CatalogueDocuments.APPROVED, true, SortedNumericSelector.Type.MAX)))
        : searcher.search(filtered, wanted);
  }

  static Query filtered(CatalogueQuery query, @Nullable Query text) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
    filter(builder, "skill_kw", query.skill());
    filter(builder, "area_kw", query.area());
    filter(builder, "type_kw", query.type());
    filter(builder, "language_kw", query.language());
    filter(builder, "level_kw", query.level());
    filter(builder, "linkState_kw", query.linkState());
    if (!query.includeBroken() && query.linkState() == null) {
      builder.add(brokenLinks(), Occur.MUST_NOT);
    }
    return builder.build();
  }

  static Query brokenLinks() {
    return new TermQuery(new Term("linkState_kw", LinkState.BROKEN.name()));
  }

  private static void filter(BooleanQuery.Builder builder, String field, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      builder.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }
}
