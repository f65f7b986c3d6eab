package org.skillshelf.config;

import java.util.Locale;

/** The four services a process can run. */
public enum Service {
  INGEST,
  ENRICH,
  LINKCHECK,
  PUBLISH;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
