package org.skillshelf.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Skillshelf launcher running in a JVM of its own, as a separate service instance would in
 * production, so that a drill or a benchmark can kill it with SIGKILL: no shutdown hook, no leaving
 * the consumer group, open transactions left behind. It runs on this JVM's class path, so it is for
 * tests and benchmarks, not for deployment. Its output goes to a log file next to its data.
 */
public final class ChildInstance implements AutoCloseable {
  private static final String READY = "Skillshelf ready on ";

  private final String name;
  private final Process process;
  private final CompletableFuture<String> ready = new CompletableFuture<>();

  private ChildInstance(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    Thread.ofVirtual().name("output-" + name).start(() -> copyOutput(log));
  }

  /** Starts the launcher with these {@code SKILLSHELF_*} settings and this much heap. */
  public static ChildInstance start(String name, Map<String, String> env, String maxHeap, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"));
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Skillshelf.class.getName()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("SKILLSHELF_"));
    builder.environment().putAll(env);
    return new ChildInstance(name, builder.start(), log);
  }

  private void copyOutput(Path log) {
    try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        out.flush();
        int at = line.indexOf(READY);
        if (at >= 0) {
          ready.complete(line.substring(at + READY.length()).split(" ")[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ready.completeExceptionally(new IllegalStateException(name + " exited before it was ready"));
    }
  }

  /** Waits for the ready line and answers the base URL it names. */
  public String awaitReady(Duration timeout) throws Exception {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + " was not ready within " + timeout, e);
    }
  }

  public String name() {
    return name;
  }

  /** SIGKILL, as a crash or an out-of-memory killer would end it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** CPU time the instance has used so far (user and system), as the OS reports it. */
  public Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** SIGTERM, the normal way a service instance is stopped. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
