package org.skillshelf.enrich;

import java.util.Map;
import org.skillshelf.config.Service;
import org.skillshelf.runtime.SkillshelfProcess;

/** Runs the enrich service on its own, against the cluster in {@code SKILLSHELF_KAFKA_BOOTSTRAP}. */
public final class EnrichMain {
  private EnrichMain() {}

  public static void main(String[] args) {
    SkillshelfProcess.run(Map.of(Service.ENRICH, EnrichService::new), null);
  }
}
