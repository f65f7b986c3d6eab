package org.skillshelf.publish.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Finds the best matching passage of each hit's description or main text. The fields are stored
 * and re-analysed at search time, which keeps the index small; snippets come from at most the
 * first 20,000 characters of a text.
 */
final class SnippetHighlighter extends UnifiedHighlighter {
  static final String[] FIELDS = {"description", "text"};

  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    super(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new SnippetFormatter())
        .withHandleMultiTermQuery(true)
        .withHighlightPhrasesStrictly(true)
        .withMaxLength(20_000)
        .withMaxNoHighlightPassages(0));
  }

  /** For each field, per document in {@code docIds} order, a {@link Snippet} or null. */
  Map<String, Object[]> snippets(Query query, int[] docIds) throws IOException {
    int[] passages = new int[FIELDS.length];
    java.util.Arrays.fill(passages, 1);
    return highlightFieldsAsObjects(FIELDS, query, docIds, passages);
  }
}
