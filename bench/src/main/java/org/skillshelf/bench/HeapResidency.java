package org.skillshelf.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How much of this process's resident memory is the Java heap's. The heap's committed size is not
 * that: a collector commits address space that is resident only once touched, and G1 gives pages
 * back some time after it shrinks. Here the heap's address range comes from the JVM's own heap
 * report (the {@code GC.heap_info} diagnostic command) and its resident pages from Linux's
 * /proc/self/smaps; what RSS holds beyond them and mapped files is native memory.
 */
final class HeapResidency {
  private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-f]{8,16})");
  private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) .*");

  private HeapResidency() {}

  /** Resident megabytes within the heap's address range, or -1 when the JVM or Linux does not say. */
  static long residentMb() {
    try {
      String report = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo", new Object[] {null},
          new String[] {String[].class.getName()});
      long low = Long.MAX_VALUE;
      long high = 0;
      Matcher m = ADDRESS.matcher(report);
      while (m.find()) {
        long address = Long.parseUnsignedLong(m.group(1), 16);
        low = Math.min(low, address);
        high = Math.max(high, address);
      }
      return high > low ? residentKb(Files.readAllLines(Path.of("/proc/self/smaps")), low, high) / 1024 : -1;
    } catch (JMException | IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Sums the {@code Rss:} of the mappings that lie within [low, high). */
  static long residentKb(List<String> smaps, long low, long high) {
    long kb = 0;
    boolean inside = false;
    for (String line : smaps) {
      Matcher mapping = MAPPING.matcher(line);
      if (mapping.matches()) {
        inside = Long.parseUnsignedLong(mapping.group(1), 16) >= low && Long.parseUnsignedLong(mapping.group(2), 16) <= high;
      } else if (inside && line.startsWith("Rss:")) {
        kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return kb;
  }
}
