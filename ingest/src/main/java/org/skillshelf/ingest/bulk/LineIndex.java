package org.skillshelf.ingest.bulk;

import java.util.Arrays;

/**
 * Maps a character offset in a text to its 1-based line, with the line breaks
 * {@link String#lines()} recognises ({@code \n}, {@code \r}, {@code \r\n}), so every format numbers
 * lines alike.
 */
final class LineIndex {

  private final int[] lineStarts;

  LineIndex(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineEnds = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
      if (lineEnds) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  int lineAt(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    return index >= 0 ? index + 1 : -index - 1;
  }
}
