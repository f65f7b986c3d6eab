package org.skillshelf.enrich.extract;

import java.util.Objects;
import org.skillshelf.events.ResourceMetadata;

/**
 * What the extractor found in one fetched document.
 *
 * @param metadata title, authors, dates, language, licence, type and the rest
 * @param mainText the readable body as plain text, paragraphs separated by blank lines
 */
public record Extraction(ResourceMetadata metadata, String mainText) {

  public Extraction {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(mainText, "mainText");
  }
}
