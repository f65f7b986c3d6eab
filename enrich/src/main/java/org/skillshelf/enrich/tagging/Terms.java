package org.skillshelf.enrich.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into the stemmed terms both the taxonomy and resources are compared in, so that
 * "repositories" in a lesson meets "repository" in a synonym. Stop words are dropped on both
 * sides, so phrases match across them. Thread-safe.
 */
final class Terms implements AutoCloseable {
  /** Text beyond this is not read: tagging needs the gist, and suggest() must stay fast. */
  static final int MAX_CHARS = 200_000;

  private final Analyzer analyzer = new EnglishAnalyzer();

  List<String> of(String text) {
    String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("", bounded)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return terms;
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
