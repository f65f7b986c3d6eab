package org.skillshelf.web;

import io.javalin.config.JavalinConfig;

/** A service's routes, mounted on the shared web server. */
@FunctionalInterface
public interface WebModule {
  void mount(JavalinConfig config);
}
