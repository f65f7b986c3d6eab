package org.skillshelf.enrich.extract;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Detects the language a text is written in (n-gram profiles of 70 languages, Optimaize), as the
 * primary subtag. Gives nothing for text too short or too mixed to tell.
 */
final class LanguageIdentifier {

  private static final int SAMPLE_CHARS = 3_000;
  private static final int MIN_LETTERS = 20;
  private static final double MIN_PROBABILITY = 0.7;

  private final LanguageDetector detector;

  LanguageIdentifier() {
    try {
      detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(new LanguageProfileReader().readAllBuiltIn())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("the language profiles shipped with the detector are missing", e);
    }
  }

  @Nullable String detect(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (!hasLetters(sample, MIN_LETTERS)) {
      return null;
    }
    List<DetectedLanguage> found = detector.getProbabilities(sample);
    if (found.isEmpty() || found.getFirst().getProbability() < MIN_PROBABILITY) {
      return null;
    }
    return found.getFirst().getLocale().getLanguage();
  }

  /** True when the text has at least {@code wanted} letters; stops counting there. */
  private static boolean hasLetters(String text, int wanted) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < wanted; ) {
      int c = text.codePointAt(i);
      if (Character.isLetter(c)) {
        letters++;
      }
      i += Character.charCount(c);
    }
    return letters >= wanted;
  }
}
