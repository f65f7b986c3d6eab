package org.skillshelf.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.events.SubmissionReceived;
import org.skillshelf.ingest.IngestService;
import org.skillshelf.kafka.Topics;
import org.skillshelf.runtime.SkillshelfProcess;

/**
 * Durability first: while the broker is down a suggestion is answered 503 with Retry-After, and
 * every suggestion that had been answered 202 is in the topic once the broker is back.
 */
class BrokerOutageIT {
  @TempDir Path dir;

  @Test
  void answers503WithRetryAfterWhileTheBrokerIsDownAndLosesNothingAcknowledged() throws Exception {
    Path brokerDir = dir.resolve("broker");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(brokerDir);
    var config = SkillshelfConfig.fromEnvironment(Map.of("SKILLSHELF_HTTP_PORT", "0",
        "SKILLSHELF_DATA_DIR", dir.resolve("app").toString(), "SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "SKILLSHELF_SERVICES", "ingest", "SKILLSHELF_SUBMIT_RATE", "0", "SKILLSHELF_INSTANCE_ID", "broker-outage-it"));
    List<String> acknowledged = new ArrayList<>();
    try (SkillshelfProcess app = SkillshelfProcess.start(config, Map.of(Service.INGEST, IngestService::new), null)) {
      assertThat(app.awaitReady(Duration.ofSeconds(60))).isTrue();
      LoopbackClient client = LoopbackClient.anonymous(app.baseUrl());
      for (int i = 0; i < 3; i++) {
        var answer = client.postJson("/api/submissions", Map.of("url", "http://93.184.215.14/outage/before-" + i));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        acknowledged.add(answer.json().get("id").asText());
      }

      broker.close();
      var refused = client.postJson("/api/submissions", Map.of("url", "http://93.184.215.14/outage/during"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(503);
      assertThat(refused.json().at("/error/code").asText()).isEqualTo("UNAVAILABLE");
      assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

      broker = EmbeddedKafkaBroker.start(brokerDir);
      List<SubmissionReceived> recorded = TopicLog.read(broker.bootstrapServers(), Topics.SUBMISSIONS);
      assertThat(recorded).extracting(SubmissionReceived::submissionId).containsAll(acknowledged);
      assertThat(recorded).extracting(SubmissionReceived::submissionId).doesNotHaveDuplicates();
    } finally {
      broker.close();
    }
  }
}
