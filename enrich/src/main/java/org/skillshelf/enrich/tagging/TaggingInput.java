package org.skillshelf.enrich.tagging;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the tagger reads of a resource: its title, its description if it has one, and its main
 * text. Missing title or text are empty strings, never null.
 */
public record TaggingInput(String title, @Nullable String description, String mainText) {
  public TaggingInput {
    Objects.requireNonNull(title, "title (use \"\" when there is none)");
    Objects.requireNonNull(mainText, "mainText (use \"\" when there is none)");
  }
}
