package org.skillshelf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Small shared measurements: resident memory of a process and percentiles. */
final class Figures {
  private Figures() {}

  /** Peak resident set size so far, in MB (Linux's VmHWM). */
  static long peakRssMb() {
    return statusField("self", "VmHWM:");
  }

  /** Peak resident set size of another process, in MB. */
  static long peakRssMb(long pid) {
    return statusField(String.valueOf(pid), "VmHWM:");
  }

  static long rssMb() {
    return statusField("self", "VmRSS:");
  }

  /** The part of the resident set that is mapped files (jars, memory-mapped index files): pages the system may drop and reread. */
  static long fileRssMb() {
    return statusField("self", "RssFile:");
  }

  private static long statusField(String process, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** CPU time this process has used so far, all threads, in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
    return sortedNanos[Math.max(0, index)] / 1_000_000.0;
  }

  static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** The 1-minute load average of the whole machine, to say how busy it was with others' work too. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version();
  }
}
