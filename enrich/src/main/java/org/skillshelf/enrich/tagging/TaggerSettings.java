package org.skillshelf.enrich.tagging;

/**
 * The tagger's weights and thresholds, in one place so that they are tuned together (with
 * TaggingEvaluation) rather than scattered as magic numbers.
 *
 * @param titleWeight gain of a phrase found in the title
 * @param descriptionWeight gain of a phrase found in the description
 * @param textWeight the most a phrase repeated in the main text can gain
 * @param textSaturation mentions at which a phrase reaches half its text gain, for a text of
 *     referenceLength terms (longer texts need proportionally more)
 * @param referenceLength text length in terms at which saturation is as given
 * @param relatedWeight weight of a related term against a label or synonym (1)
 * @param descriptionTermWeight weight of a single word of a skill's label or description
 * @param minDescriptionWords distinct description words a skill needs when nothing names it
 * @param unnamedFactor discount for a skill with fewer such words and no naming phrase
 * @param descriptionLikeness weight of the cosine between the resource and a skill's description
 * @param parentShare part of a narrower skill's score a broader skill adds to its own
 * @param scale raw score at which the reported score reaches 0.5
 * @param minScore reported score below which a skill is never suggested (abstention)
 * @param relativeCut a skill is suggested only if it reaches this fraction of the best score
 * @param maxSuggestions at most this many suggestions
 * @param neighbours approved records consulted for each suggestion
 * @param similarityPower a neighbour's vote weighs its similarity raised to this power
 * @param minSimilarity records less similar than this are ignored
 * @param fullTrustSimilarity similarity at which approved records outweigh the taxonomy most
 * @param maxExampleWeight the most weight approved records get against the taxonomy
 * @param maxExamples approved records remembered, the most recent first (bounds the memory)
 * @param termsPerExample the strongest terms kept of each approved record
 * @param wholeExamples approved records kept whole (every term) before all are cut to their
 *     strongest terms, so that the cut is made with a meaningful IDF
 */
record TaggerSettings(
    double titleWeight,
    double descriptionWeight,
    double textWeight,
    double textSaturation,
    double referenceLength,
    double relatedWeight,
    double descriptionTermWeight,
    int minDescriptionWords,
    double unnamedFactor,
    double descriptionLikeness,
    double parentShare,
    double scale,
    double minScore,
    double relativeCut,
    int maxSuggestions,
    int neighbours,
    double similarityPower,
    double minSimilarity,
    double fullTrustSimilarity,
    double maxExampleWeight,
    int maxExamples,
    int termsPerExample,
    int wholeExamples) {

  /** The defaults with any component overridden by a system property "tagging.&lt;name&gt;". */
  static TaggerSettings fromSystemProperties() {
    TaggerSettings defaults = defaults();
    var components = TaggerSettings.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        String override = System.getProperty("tagging." + components[i].getName());
        values[i] = override == null ? components[i].getAccessor().invoke(defaults)
            : types[i] == int.class ? (Object) Integer.parseInt(override) : (Object) Double.parseDouble(override);
      }
      return TaggerSettings.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read tagger settings from system properties", e);
    }
  }

  /** The same settings remembering at most {@code max} approved records. */
  TaggerSettings withMaxExamples(int max) {
    return new TaggerSettings(titleWeight, descriptionWeight, textWeight, textSaturation, referenceLength, relatedWeight,
        descriptionTermWeight, minDescriptionWords, unnamedFactor, descriptionLikeness, parentShare, scale, minScore,
        relativeCut, maxSuggestions, neighbours, similarityPower, minSimilarity, fullTrustSimilarity, maxExampleWeight,
        max, termsPerExample, wholeExamples);
  }

  /**
   * Tuned on tagging-dev. fullTrustSimilarity moved from 0.3 to 0.35 when the full English stop
   * list came in: warm F1 averaged over 3 to 22 folds went back from 0.950 to 0.955, as before.
   */
  static TaggerSettings defaults() {
    return new TaggerSettings(3.0, 1.5, 1.0, 2.0, 1000, 0.45, 0.25, 2, 0.3, 2.0, 0.5, 1.5, 0.35, 0.6, 5, 5, 3.0, 0.15, 0.35, 0.95, 10_000, 100, 256);
  }
}
