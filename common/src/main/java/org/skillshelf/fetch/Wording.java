package org.skillshelf.fetch;

import java.time.Duration;

/** Sizes and durations as a curator reads them: "20 MB", "30 seconds". */
final class Wording {
  private static final long KILOBYTE = 1024;
  private static final long MEGABYTE = KILOBYTE * 1024;

  private Wording() {}

  static String size(long bytes) {
    if (bytes >= MEGABYTE && bytes % MEGABYTE == 0) {
      return bytes / MEGABYTE + " MB";
    }
    if (bytes >= MEGABYTE) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MEGABYTE);
    }
    if (bytes >= KILOBYTE && bytes % KILOBYTE == 0) {
      return bytes / KILOBYTE + " KB";
    }
    return bytes == 1 ? "1 byte" : bytes + " bytes";
  }

  static String duration(Duration duration) {
    if (duration.toMillis() % 1000 != 0) {
      return duration.toMillis() + " milliseconds";
    }
    long seconds = duration.toSeconds();
    return seconds == 1 ? "1 second" : seconds + " seconds";
  }
}
