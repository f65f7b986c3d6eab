package org.skillshelf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's helper program in a JVM of its own (the simulated web, the load clients), as the
 * other side of a real exchange runs elsewhere, spoken to in lines on its standard input and
 * output. Its standard error goes to ours; it ends when its standard input closes.
 */
record ChildJvm(Process process, BufferedReader out, PrintWriter in) implements AutoCloseable {

  /** Starts {@code main} with this JVM's java and class path, a Serial GC and {@code maxHeap} (such as "512m"). */
  static ChildJvm start(Class<?> main, String maxHeap, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
        "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new ChildJvm(process, new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
        new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8));
  }

  /** Closes the program's input, so that it ends, and stops it if it has not ended within 10 s. */
  @Override
  public void close() {
    in.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
