package org.skillshelf.publish.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a person typed into Lucene queries: a strict one (every word, stemmed, "phrases" kept
 * together, field boosts), a typo-tolerant one used when the strict one finds nothing, and the
 * prefix query behind suggestions as you type.
 */
final class TextQueries {
  static final Map<String, Float> WEIGHTS = Map.of("title", 4f, "description", 2f, "skills", 2f, "text", 1f);
  private static final int MAX_FUZZY_TERMS = 8;

  private final Analyzer analyzer;
  private final Analyzer wordAnalyzer;

  TextQueries(Analyzer analyzer, Analyzer wordAnalyzer) {
    this.analyzer = analyzer;
    this.wordAnalyzer = wordAnalyzer;
  }

  /** Every word must match (in any field); quotes make a phrase, a leading minus excludes. */
  Query strict(String text) {
    var parser = new SimpleQueryParser(analyzer, WEIGHTS);
    parser.setDefaultOperator(Occur.MUST);
    Query query = parser.parse(text);
    return query == null ? new MatchNoDocsQuery("nothing searchable in the query") : query;
  }

  /**
   * Each stemmed word may be up to one (short words) or two (long words) edits away from an indexed
   * one, so "metdata" finds "metadata". Words under four letters are matched exactly: a fuzzy
   * "art" would match half the catalogue.
   */
  Query fuzzy(String text) {
    List<String> stems = terms(analyzer, "title", text.replace('"', ' '));
    if (stems.isEmpty()) {
      return new MatchNoDocsQuery("nothing searchable in the query");
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String stem : stems.subList(0, Math.min(MAX_FUZZY_TERMS, stems.size()))) {
      BooleanQuery.Builder anyField = new BooleanQuery.Builder();
      int edits = stem.length() < 4 ? 0 : stem.length() < 8 ? 1 : 2;
      WEIGHTS.forEach((field, weight) -> {
        Term term = new Term(field, stem);
        Query q = edits == 0 ? new TermQuery(term) : new FuzzyQuery(term, edits, 1);
        anyField.add(new BoostQuery(q, weight), Occur.SHOULD);
      });
      all.add(anyField.build(), Occur.MUST);
    }
    return all.build();
  }

  /** Complete words must appear in the title and the last, unfinished word is a prefix. */
  Query titlePrefix(String typed, String field) {
    List<String> words = terms(wordAnalyzer, field, typed);
    if (words.isEmpty()) {
      return new MatchNoDocsQuery("nothing typed yet");
    }
    boolean lastComplete = Character.isWhitespace(typed.charAt(typed.length() - 1));
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      Term term = new Term(field, words.get(i));
      boolean last = i == words.size() - 1;
      builder.add(last && !lastComplete ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
    }
    return builder.build();
  }

  static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
