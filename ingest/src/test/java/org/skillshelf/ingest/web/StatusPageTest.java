package org.skillshelf.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skillshelf.ingest.intake.SubmissionStatus;

class StatusPageTest {

  @Test
  void refreshesEveryFiveSecondsWhileThePipelineWorks() {
    assertThat(StatusPage.refreshSeconds(SubmissionStatus.RECEIVED)).contains(5);
    assertThat(StatusPage.refreshSeconds(SubmissionStatus.ENRICHING)).contains(5);
  }

  @Test
  void refreshesOnceAMinuteWhileWaitingForACurator() {
    assertThat(StatusPage.refreshSeconds(SubmissionStatus.IN_REVIEW)).contains(60);
  }

  @Test
  void stopsRefreshingOnceTheStatusIsFinal() {
    for (SubmissionStatus status : new SubmissionStatus[] {SubmissionStatus.PUBLISHED, SubmissionStatus.REJECTED,
        SubmissionStatus.FAILED, SubmissionStatus.WITHDRAWN}) {
      assertThat(StatusPage.refreshSeconds(status)).as(status.name()).isEmpty();
    }
  }
}
