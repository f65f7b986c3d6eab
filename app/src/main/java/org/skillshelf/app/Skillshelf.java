package org.skillshelf.app;

import java.util.Map;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.config.Service;
import org.skillshelf.enrich.EnrichService;
import org.skillshelf.ingest.IngestService;
import org.skillshelf.linkcheck.LinkcheckService;
import org.skillshelf.publish.PublishService;
import org.skillshelf.runtime.EmbeddedCluster;
import org.skillshelf.runtime.ServiceFactory;
import org.skillshelf.runtime.SkillshelfProcess;

/**
 * The all-in-one launcher: every service in one process, with an embedded single-node KRaft broker
 * unless {@code SKILLSHELF_KAFKA_BOOTSTRAP} names a cluster.
 */
public final class Skillshelf {
  private Skillshelf() {}

  /** All four services. */
  public static Map<Service, ServiceFactory> services() {
    return Map.of(
        Service.INGEST, IngestService::new,
        Service.ENRICH, EnrichService::new,
        Service.LINKCHECK, LinkcheckService::new,
        Service.PUBLISH, PublishService::new);
  }

  /** Starts the embedded broker under a data directory. */
  public static EmbeddedCluster embeddedBroker(java.nio.file.Path dataDir) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir);
    return new EmbeddedCluster() {
      @Override
      public String bootstrapServers() {
        return broker.bootstrapServers();
      }

      @Override
      public void close() {
        broker.close();
      }
    };
  }

  public static void main(String[] args) {
    SkillshelfProcess.run(services(), Skillshelf::embeddedBroker);
  }
}
