package org.skillshelf.linkcheck.check;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition are done, so that offsets are committed only up to the first
 * check still in flight: checks finish out of order (one host waits, another answers at once), and
 * a crash must repeat unfinished checks rather than lose them. Used by the consumer thread only.
 */
final class PartitionProgress {
  private final Map<TopicPartition, TreeMap<Long, Boolean>> pending = new HashMap<>();

  void started(TopicPartition partition, long offset) {
    pending.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, false);
  }

  void finished(TopicPartition partition, long offset) {
    TreeMap<Long, Boolean> offsets = pending.get(partition);
    if (offsets != null && offsets.containsKey(offset)) {
      offsets.put(offset, true);
    }
  }

  /** Offsets to commit now (the next offset to read after each completed prefix), dropping that prefix. */
  Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    pending.forEach((partition, offsets) -> {
      Long done = null;
      while (!offsets.isEmpty() && offsets.firstEntry().getValue()) {
        done = offsets.pollFirstEntry().getKey();
      }
      if (done != null) {
        commit.put(partition, new OffsetAndMetadata(done + 1));
      }
    });
    return commit;
  }

  int inFlight() {
    return pending.values().stream().mapToInt(TreeMap::size).sum();
  }

  void forget(java.util.Collection<TopicPartition> partitions) {
    partitions.forEach(pending::remove);
  }
}
