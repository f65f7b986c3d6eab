package org.skillshelf.ingest.bulk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One address read from a bulk import, with what the file said about it.
 *
 * @param line the 1-based line of the input where the entry starts
 * @param url the address as written in the file (surrounding whitespace removed); it is known to
 *     be accepted by {@code CanonicalUrl.of}
 * @param title the title the file gives, if any
 * @param note a description or remark the file gives, if any
 * @param skills skill ids the file assigns, in their order, without duplicates
 */
public record BulkLine(
    int line, String url, @Nullable String title, @Nullable String note, List<String> skills) {

  public BulkLine {
    skills = List.copyOf(skills);
  }
}
