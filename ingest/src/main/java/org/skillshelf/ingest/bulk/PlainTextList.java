package org.skillshelf.ingest.bulk;

import java.util.List;

/** A plain list: one address a line; blank lines and lines starting with {@code #} are skipped. */
final class PlainTextList {

  private PlainTextList() {}

  static void read(String body, BulkParseBuilder out) {
    List<String> lines = body.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean more =
          line.chars().anyMatch(Character::isWhitespace)
              // A line like "https://example.org/x  great intro" would otherwise be taken as an
              // address with spaces in its path; asking is better than guessing.
              ? out.reject(i + 1, BulkError.INVALID_URL,
                  "Each line must hold one address and nothing else; this one contains spaces.")
              : out.add(i + 1, line, null, null, List.of());
      if (!more) {
        return;
      }
    }
  }
}
