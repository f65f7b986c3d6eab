package org.skillshelf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this process's native threads, grouped by name with digits folded ("kafka-producer-
 * network-thread" whatever its number), read from Linux's /proc. Virtual threads show in the
 * carrier threads that ran them ({@code ForkJoinPool-N-worker-N}). The names are the kernel's,
 * cut at 15 characters.
 */
final class ThreadCpu {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final Map<String, Long> ticksByGroup;

  private ThreadCpu(Map<String, Long> ticksByGroup) {
    this.ticksByGroup = ticksByGroup;
  }

  static ThreadCpu now() {
    Map<String, Long> ticks = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException ended) {
          continue;
        }
        // pid (comm) state ... with utime and stime the 14th and 15th fields; comm may hold spaces.
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String[] rest = stat.substring(close + 2).split(" ");
        String group = stat.substring(open + 1, close).replaceAll("[0-9]+", "N");
        ticks.merge(group, Long.parseLong(rest[11]) + Long.parseLong(rest[12]), Long::sum);
      }
    } catch (IOException e) {
      return new ThreadCpu(Map.of());
    }
    return new ThreadCpu(ticks);
  }

  /** The groups that used most CPU since {@code before}, in seconds, most first. */
  String since(ThreadCpu before, int groups) {
    return ticksByGroup.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.ticksByGroup.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(groups)
        .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / (double) TICKS_PER_SECOND))
        .collect(Collectors.joining("; "));
  }
}
