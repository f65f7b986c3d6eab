package org.skillshelf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * This process's open file descriptors, by what holds them. Store files are told apart from the
 * rest because their number follows the data, within bounds the stores set: RocksDB keeps at most
 * {@code RocksDbMemory.MAX_OPEN_FILES} per store open, Kafka rolls a partition's log segment at
 * its size limit (64 MB for the embedded broker) and deletes or compacts old ones, and Lucene
 * merges its segments. A leak shows in the rest: sockets, pipes,
 * event polls, jars and other files.
 *
 * @param rocksDbTables RocksDB table files ({@code .sst})
 * @param kafkaSegments the broker's log segments, indexes and snapshots
 * @param searchIndex the search index's segment files
 */
record OpenFiles(long total, long rocksDbTables, long kafkaSegments, long searchIndex) {

  /** Descriptors that should not grow with the catalogue. */
  long others() {
    return total - rocksDbTables - kafkaSegments - searchIndex;
  }

  static OpenFiles now() throws IOException {
    long total = 0;
    long tables = 0;
    long segments = 0;
    long index = 0;
    try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : open.toList()) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (IOException closedMeanwhile) {
          continue;
        }
        total++;
        if (target.endsWith(".sst")) {
          tables++;
        } else if (target.contains("/broker/") && target.matches(".*\\.(log|index|timeindex|snapshot)$")) {
          segments++;
        } else if (target.contains("/search-index/")) {
          index++;
        }
      }
    }
    return new OpenFiles(total, tables, segments, index);
  }

  @Override
  public String toString() {
    return String.format("open fds %4d (RocksDB tables %3d, Kafka segments %3d, search index %3d, other %3d)", total, rocksDbTables,
        kafkaSegments, searchIndex, others());
  }
}
