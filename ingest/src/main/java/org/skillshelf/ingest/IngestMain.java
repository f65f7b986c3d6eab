package org.skillshelf.ingest;

import java.util.Map;
import org.skillshelf.config.Service;
import org.skillshelf.runtime.SkillshelfProcess;

/** Runs the ingest service on its own, against the cluster in {@code SKILLSHELF_KAFKA_BOOTSTRAP}. */
public final class IngestMain {
  private IngestMain() {}

  public static void main(String[] args) {
    SkillshelfProcess.run(Map.of(Service.INGEST, IngestService::new), null);
  }
}
