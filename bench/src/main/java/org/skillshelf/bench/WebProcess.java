package org.skillshelf.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@link SimulatedWeb} in a child JVM, and the figures it reports. */
final class WebProcess implements AutoCloseable {
  private final ChildJvm web;
  private final List<String> bases;

  /** What the web saw; see {@link SimulatedWeb} for each field. */
  record Stats(int requests, int inFlight, int busyHosts, int busiest, int peak, long firstMicros, long lastMicros, long cpuMillis) {}

  private WebProcess(ChildJvm web, List<String> bases) {
    this.web = web;
    this.bases = bases;
  }

  static WebProcess start(int hosts, Duration delay) throws IOException, InterruptedException {
    ChildJvm web = ChildJvm.start(SimulatedWeb.class, "512m", String.valueOf(hosts), String.valueOf(delay.toMillis()));
    List<String> bases = new ArrayList<>();
    for (String line = web.out().readLine(); !"ready".equals(line); line = web.out().readLine()) {
      if (line == null) {
        throw new IOException("the simulated web stopped before it was ready (exit " + web.process().waitFor() + ")");
      }
      bases.add(line.substring("base ".length()));
    }
    return new WebProcess(web, bases);
  }

  /** Each host's base URL, such as {@code http://127.0.1.1:41234}. */
  List<String> bases() {
    return bases;
  }

  synchronized Stats stats() throws IOException {
    web.in().println("stats");
    String[] f = web.out().readLine().split(" ");
    return new Stats(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
        Integer.parseInt(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]));
  }

  synchronized void reset() throws IOException {
    web.in().println("reset");
    web.out().readLine();
  }

  /** The child's peak resident set size in MB (Linux's VmHWM), or -1. */
  long peakRssMb() {
    return Figures.peakRssMb(web.process().pid());
  }

  @Override
  public void close() {
    web.close();
  }
}
