package org.skillshelf.publish.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/**
 * Finds the best matching passage of each hit's description or, where the description has no
 * match, of its main text. Matches are located from the offsets in the postings; a passage is
 * about {@value #PASSAGE_CHARS} characters cut at spaces, which costs a scan for a space where a
 * sentence iterator would walk the whole text (and a text without full stops would become one
 * passage of many thousand characters).
 */
final class SnippetHighlighter extends UnifiedHighlighter {
  static final String DESCRIPTION = "description";
  static final String TEXT = "text";
  private static final int PASSAGE_CHARS = 200;

  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    super(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new SnippetFormatter())
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new CustomSeparatorBreakIterator(' '), PASSAGE_CHARS, 0.5f))
        .withHandleMultiTermQuery(true)
        // Offsets straight from each term's postings: a weight matcher would build the whole query's
        // weight, over every field, again for every hit.
        .withWeightMatches(false)
        .withHighlightPhrasesStrictly(true)
        .withMaxLength(20_000)
        .withMaxNoHighlightPassages(0));
  }

  /** Per document in {@code docIds} order, a {@link Snippet} or null; {@code query} must be rewritten. */
  @Nullable Snippet[] snippets(Query query, int[] docIds) throws IOException {
    Snippet[] snippets = new Snippet[docIds.length];
    fill(snippets, DESCRIPTION, query, docIds, null);
    int[] unmatched = Arrays.stream(indexes(snippets)).map(i -> docIds[i]).toArray();
    if (unmatched.length > 0) {
      fill(snippets, TEXT, query, unmatched, indexes(snippets));
    }
    return snippets;
  }

  private void fill(@Nullable Snippet[] snippets, String field, Query query, int[] docIds, int @Nullable [] slots)
      throws IOException {
    Object[] found = highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {1}).get(field);
    for (int i = 0; i < docIds.length; i++) {
      if (found != null && found[i] instanceof Snippet s) {
        snippets[slots == null ? i : slots[i]] = s;
      }
    }
  }

  /** The positions still without a snippet. */
  private static int[] indexes(@Nullable Snippet[] snippets) {
    return java.util.stream.IntStream.range(0, snippets.length).filter(i -> snippets[i] == null).toArray();
  }
}
