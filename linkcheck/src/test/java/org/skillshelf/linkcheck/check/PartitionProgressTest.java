package org.skillshelf.linkcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {
  private static final TopicPartition P0 = new TopicPartition("requests", 0);

  @Test
  void commitsOnlyUpToTheFirstUnfinishedCheck() {
    var progress = new PartitionProgress();
    progress.started(P0, 10);
    progress.started(P0, 11);
    progress.started(P0, 12);
    progress.finished(P0, 10);
    progress.finished(P0, 12);
    assertThat(progress.committable()).containsEntry(P0, new OffsetAndMetadata(11));
    progress.finished(P0, 11);
    assertThat(progress.committable()).containsEntry(P0, new OffsetAndMetadata(13));
    assertThat(progress.inFlight()).isZero();
  }

  @Test
  void nothingIsCommittedWhileTheOldestCheckRuns() {
    var progress = new PartitionProgress();
    progress.started(P0, 5);
    progress.started(P0, 6);
    progress.finished(P0, 6);
    assertThat(progress.committable()).isEmpty();
  }
}
