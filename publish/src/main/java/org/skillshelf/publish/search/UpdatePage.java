package org.skillshelf.publish.search;

import java.util.List;
import org.skillshelf.events.CatalogueRecord;

/**
 * One page of records in update order (oldest change first, ties by id, main text left out).
 *
 * @param total how many records the window selects, wherever paging stands
 * @param more whether records remain after this page
 */
public record UpdatePage(List<CatalogueRecord> records, int total, boolean more) {
  public UpdatePage {
    records = List.copyOf(records);
  }
}
