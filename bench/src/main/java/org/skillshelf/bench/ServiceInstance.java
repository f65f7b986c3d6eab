package org.skillshelf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.skillshelf.app.Skillshelf;

/**
 * A Skillshelf launcher in a JVM of its own, so that a benchmark can kill it with SIGKILL the way
 * a crash would (no shutdown hook, no clean leave of its groups). Output goes to a log file.
 */
final class ServiceInstance implements AutoCloseable {
  private static final String READY = "Skillshelf ready on ";

  private final Process process;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  private ServiceInstance(Process process, Path log) {
    this.process = process;
    Thread.ofVirtual().start(() -> copyOutput(log));
  }

  static ServiceInstance start(Map<String, String> env, String maxHeap, Path log) throws IOException {
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
    return new ServiceInstance(builder.start(), log);
  }

  private void copyOutput(Path log) {
    try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        out.flush();
        if (line.contains(READY)) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ready.completeExceptionally(new IllegalStateException("the instance exited before it was ready; see " + log));
    }
  }

  void awaitReady(Duration timeout) throws Exception {
    ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** CPU time the instance has used so far (user and system), as the OS reports it. */
  Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** SIGKILL. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
