package org.skillshelf.ingest.bulk;

import java.util.List;

/**
 * The outcome of reading a bulk import: the entries to submit and, separately, every entry or
 * part of the file that could not be used, so that nothing is dropped silently.
 *
 * @param lines accepted entries in file order
 * @param errors problems in file order
 */
public record BulkParse(List<BulkLine> lines, List<BulkError> errors) {

  public BulkParse {
    lines = List.copyOf(lines);
    errors = List.copyOf(errors);
  }
}
