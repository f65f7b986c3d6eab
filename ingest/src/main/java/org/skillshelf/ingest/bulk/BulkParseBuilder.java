package org.skillshelf.ingest.bulk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.skillshelf.url.CanonicalUrl;
import org.skillshelf.url.InvalidUrlException;

/**
 * Collects the entries a format reader finds: checks each address, counts entries against the
 * limit, and remembers every problem with its line.
 */
final class BulkParseBuilder {

  /** Most entries one import may hold; a curator with more splits the file. */
  static final int MAX_ENTRIES = 10_000;

  private static final Pattern SKILL_SEPARATORS = Pattern.compile("[;|]");

  private final List<BulkLine> lines = new ArrayList<>();
  private final List<BulkError> errors = new ArrayList<>();
  private int entries;
  private boolean full;

  /**
   * Adds one entry, or an error if its address is not usable.
   *
   * @return false once the limit has been reached: the reader should stop
   */
  boolean add(int line, String url, @Nullable String title, @Nullable String note,
      List<String> skills) {
    if (!countEntry(line)) {
      return false;
    }
    try {
      CanonicalUrl.of(url);
      lines.add(new BulkLine(line, url.strip(), presentOrNull(title), presentOrNull(note), skills));
    } catch (InvalidUrlException invalid) {
      errors.add(new BulkError(line, invalid.code(), invalid.getMessage()));
    }
    return true;
  }

  /**
   * Records an entry that cannot be used for a reason the reader knows (it counts as an entry).
   *
   * @return false once the limit has been reached: the reader should stop
   */
  boolean reject(int line, String code, String message) {
    if (!countEntry(line)) {
      return false;
    }
    errors.add(new BulkError(line, code, message));
    return true;
  }

  /** Records a problem with the file itself, such as a missing column or broken syntax. */
  void fileError(int line, String code, String message) {
    errors.add(new BulkError(line, code, message));
  }

  boolean isFull() {
    return full;
  }

  BulkParse build() {
    List<BulkError> all = new ArrayList<>(errors);
    if (lines.isEmpty() && errors.isEmpty()) {
      all.add(new BulkError(1, BulkError.NO_ADDRESSES, "The import holds no addresses."));
    }
    return new BulkParse(lines, all);
  }

  /** Skill ids from a cell such as {@code "python; data-analysis|sql"}, in order, once each. */
  static List<String> skills(@Nullable String cell) {
    if (cell == null) {
      return List.of();
    }
    LinkedHashSet<String> skills = new LinkedHashSet<>();
    for (String id : SKILL_SEPARATORS.split(cell)) {
      if (!id.isBlank()) {
        skills.add(id.strip());
      }
    }
    return List.copyOf(skills);
  }

  static @Nullable String presentOrNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private boolean countEntry(int line) {
    if (full) {
      return false;
    }
    if (entries == MAX_ENTRIES) {
      full = true;
      errors.add(new BulkError(line, BulkError.TOO_MANY_LINES,
          "A bulk import may hold at most 10,000 addresses; this line and all after it were not"
              + " read. Split the file and import the rest separately."));
      return false;
    }
    entries++;
    return true;
  }
}
