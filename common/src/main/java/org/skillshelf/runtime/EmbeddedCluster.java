package org.skillshelf.runtime;

import java.nio.file.Path;

/** A Kafka cluster the process starts itself when no external one is configured. */
public interface EmbeddedCluster extends AutoCloseable {
  String bootstrapServers();

  @Override
  void close();

  /** Starts a cluster whose data lives under the given directory. */
  @FunctionalInterface
  interface Starter {
    EmbeddedCluster start(Path dataDir);
  }
}
