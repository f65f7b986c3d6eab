package org.skillshelf.linkcheck;

import java.util.Map;
import org.skillshelf.config.Service;
import org.skillshelf.runtime.SkillshelfProcess;

/** Runs the linkcheck service on its own, against the cluster in {@code SKILLSHELF_KAFKA_BOOTSTRAP}. */
public final class LinkcheckMain {
  private LinkcheckMain() {}

  public static void main(String[] args) {
    SkillshelfProcess.run(Map.of(Service.LINKCHECK, LinkcheckService::new), null);
  }
}
