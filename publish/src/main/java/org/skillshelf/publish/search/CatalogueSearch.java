package org.skillshelf.publish.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;

/**
 * The ranked reads of the {@link CatalogueIndex}, each on a searcher the index lends: a search with
 * its facets and a typo-tolerant second try, records like a given one, and title suggestions.
 */
final class CatalogueSearch {
  /** Reads hits with their snippets from one searcher. */
  interface Hits {
    HitReader on(IndexSearcher searcher);
  }

  private final Analyzer analyzer;
  private final TextQueries queries;
  private final FacetCounter facets;
  private final Hits hits;

  CatalogueSearch(Analyzer analyzer, TextQueries queries, FacetCounter facets, Hits hits) {
    this.analyzer = analyzer;
    this.queries = queries;
    this.facets = facets;
    this.hits = hits;
  }

  /** When the words match nothing exactly, they are tried again with typos forgiven, and the result says so. */
  SearchResult search(IndexSearcher searcher, CatalogueQuery query) throws IOException {
    @Nullable Query text = query.hasText() ? queries.strict(query.text()) : null;
    // Rewritten once for the page, the facet pass and the highlighter: a typo-tolerant query
    // would otherwise expand its fuzzy terms three times.
    Query filtered = searcher.rewrite(CatalogueFilters.filtered(query, text));
    TopDocs top = CatalogueFilters.top(searcher, query, filtered);
    boolean approximate = false;
    // Quotes ask for these exact words, so a phrase search is never widened.
    if (text != null && top.totalHits.value() == 0 && !query.text().contains("\"")) {
      text = searcher.rewrite(queries.fuzzy(query.text()));
      filtered = searcher.rewrite(CatalogueFilters.filtered(query, text));
      top = CatalogueFilters.top(searcher, query, filtered);
      approximate = true;
    } else if (text != null) {
      text = searcher.rewrite(text);
    }
    // Two passes: the page alone lets Lucene skip records that cannot make it (no score for every
    // match), and the facet pass visits every match without scoring any.
    FacetsCollector matches = searcher.search(filtered, new FacetsCollectorManager());
    long total = matches.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    int from = Math.min((query.page() - 1) * query.size(), top.scoreDocs.length);
    List<CatalogueHit> page = hits.on(searcher).hits(text, Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length));
    return new SearchResult(total, page, facets.count(searcher, matches), approximate);
  }

  /** Records like this one (by the distinctive words of its title, description and text). */
  List<CatalogueHit> moreLikeThis(IndexSearcher searcher, String resourceId, int limit) throws IOException {
    int doc = StoredRecords.docId(searcher, resourceId);
    if (doc < 0) {
      return List.of();
    }
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {"title", "description", "text"});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMaxQueryTerms(25);
    BooleanQuery.Builder like = new BooleanQuery.Builder()
        .add(mlt.like(doc), Occur.MUST)
        .add(new TermQuery(new Term("id", resourceId)), Occur.MUST_NOT)
        .add(CatalogueFilters.brokenLinks(), Occur.MUST_NOT);
    return hits.on(searcher).hits(null, searcher.search(like.build(), Math.max(1, limit)).scoreDocs);
  }

  /** Titles that complete what has been typed so far, best match first. */
  List<Suggestion> suggest(IndexSearcher searcher, String typed, int limit) throws IOException {
    Query query = new BooleanQuery.Builder()
        .add(queries.titlePrefix(typed, CatalogueDocuments.TITLE_WORDS), Occur.MUST)
        .add(CatalogueFilters.brokenLinks(), Occur.MUST_NOT).build();
    Map<String, Suggestion> byTitle = new LinkedHashMap<>();
    for (ScoreDoc sd : searcher.search(query, Math.max(1, limit) * 2).scoreDocs) {
      Document doc = searcher.storedFields().document(sd.doc);
      byTitle.putIfAbsent(doc.get("title"), new Suggestion(doc.get("id"), doc.get("title")));
    }
    return byTitle.values().stream().limit(limit).toList();
  }
}
