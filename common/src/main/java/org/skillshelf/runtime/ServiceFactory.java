package org.skillshelf.runtime;

/** Creates one service from what the process offers; each service module provides one. */
@FunctionalInterface
public interface ServiceFactory {
  StageService create(ServiceContext context);
}
