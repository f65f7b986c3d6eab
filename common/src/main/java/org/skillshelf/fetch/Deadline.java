package org.skillshelf.fetch;

import java.time.Duration;

/** The moment a fetch's total time runs out, on the monotonic clock (wall-clock jumps do not matter). */
record Deadline(long endNanos) {

  static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  Duration remaining() {
    long left = endNanos - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  boolean allows(Duration wait) {
    return wait.compareTo(remaining()) < 0;
  }
}
