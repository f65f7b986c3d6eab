package org.skillshelf.publish;

import java.util.Map;
import org.skillshelf.config.Service;
import org.skillshelf.runtime.SkillshelfProcess;

/** Runs the publish service on its own, against the cluster in {@code SKILLSHELF_KAFKA_BOOTSTRAP}. */
public final class PublishMain {
  private PublishMain() {}

  public static void main(String[] args) {
    SkillshelfProcess.run(Map.of(Service.PUBLISH, PublishService::new), null);
  }
}
