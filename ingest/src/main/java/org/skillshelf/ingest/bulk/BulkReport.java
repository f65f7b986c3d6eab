package org.skillshelf.ingest.bulk;

import java.util.List;
import org.skillshelf.web.ErrorBody;

/**
 * The answer to a bulk import, as the contract shapes it: how many entries were recorded, which
 * lines were refused and why, and what each recorded entry became.
 */
public record BulkReport(int accepted, List<Rejection> rejected, List<Item> items) {

  public BulkReport {
    rejected = List.copyOf(rejected);
    items = List.copyOf(items);
  }

  /** A refused line with the contract's error shape. */
  public record Rejection(int line, ErrorBody.Detail error) {}

  /** A recorded entry: its submission id, its resource and the address as the file wrote it. */
  public record Item(String id, String resourceId, String url) {}
}
