package org.skillshelf.publish.search;

import java.time.Instant;
import java.util.List;
import org.skillshelf.events.CatalogueRecord;

/** Small catalogue records for tests. */
public final class Records {
  private Records() {}

  public static CatalogueRecord record(String id, String title, String description, List<String> skills,
      String type, String language, int day) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day);
    return new CatalogueRecord(CatalogueRecord.VERSION, id, "https://example.org/" + id, title, description,
        List.of("A. Author"), "Example", language, null, type, "beginner", skills, "CC-BY-4.0", null, 12,
        List.of(), description + " " + title, 0L, "curator", at, at);
  }
}
