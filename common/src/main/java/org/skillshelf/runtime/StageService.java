package org.skillshelf.runtime;

import java.util.List;
import org.skillshelf.web.HealthCheck;
import org.skillshelf.web.WebModule;

/**
 * One of Skillshelf's services (ingest, enrich, linkcheck, publish) as a process runs it: created
 * from a {@link ServiceContext}, started once, closed once, mounting its routes on the shared web
 * server and reporting its health.
 */
public interface StageService extends AutoCloseable {
  String name();

  List<WebModule> webModules();

  List<HealthCheck> healthChecks();

  void start();

  @Override
  void close();
}
