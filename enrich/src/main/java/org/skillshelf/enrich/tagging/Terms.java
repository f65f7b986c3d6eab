package org.skillshelf.enrich.tagging;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;

/**
 * Turns text into the stemmed terms both the taxonomy and resources are compared in, so that
 * "repositories" in a lesson meets "repository" in a synonym. Stop words are dropped on both
 * sides, so phrases match across them and no skill or approved record is matched, or shown as
 * evidence, on words like "so" or "what". Thread-safe.
 */
final class Terms implements AutoCloseable {
  /** Text beyond this is not read: tagging needs the gist, and suggest() must stay fast. */
  static final int MAX_CHARS = 200_000;
  /**
   * The Snowball project's English stop words as Lucene ships them (174 words), with Lucene's
   * shorter default list: that one alone lets pronouns, "so", "what" and "would" through.
   */
  private static final CharArraySet STOP_WORDS = stopWords();

  private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);

  private static CharArraySet stopWords() {
    try (Reader snowball = IOUtils.getDecodingReader(IOUtils.requireResourceNonNull(
        SnowballFilter.class.getResourceAsStream("english_stop.txt"), "english_stop.txt"), StandardCharsets.UTF_8)) {
      CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
      return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(snowball, words));
    } catch (IOException e) {
      throw new UncheckedIOException("the stop words shipped with Lucene are missing", e);
    }
  }

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
