package org.skillshelf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@link SimulatedWeb} in a child JVM, and the figures it reports. */
final class WebProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final List<String> bases;

  /** What the web saw; see {@link SimulatedWeb} for each field. */
  record Stats(int requests, int inFlight, int busyHosts, int busiest, int peak, long firstMicros, long lastMicros, long cpuMillis) {}

  private WebProcess(Process process, BufferedReader out, PrintWriter in, List<String> bases) {
    this.process = process;
    this.out = out;
    this.in = in;
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
    return new WebProcess(web.process(), web.out(), web.in(), bases);
  }

  /** Each host's base URL, such as {@code http://127.0.1.1:41234}. */
  List<String> bases() {
    return bases;
  }

  synchronized Stats stats() throws IOException {
    in.println("stats");
    String[] f = out.readLine().split(" ");
    return new Stats(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
        Integer.parseInt(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]));
  }

  synchronized void reset() throws IOException {
    in.println("reset");
    out.readLine();
  }

  /** The child's peak resident set size in MB (Linux's VmHWM), or -1. */
  long peakRssMb() {
    return Figures.peakRssMb(process.pid());
  }

  @Override
  public void close() throws InterruptedException {
    in.close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
