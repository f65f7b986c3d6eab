package org.skillshelf.linkcheck.check;

import org.skillshelf.fetch.FetchFailure;
import org.skillshelf.fetch.FetchRequest;
import org.skillshelf.fetch.FetchResult;

/** One HTTP exchange as the probe needs it; production goes through {@link PoliteFetcher}, tests pass a lambda. */
@FunctionalInterface
public interface PageFetch {
  FetchResult fetch(FetchRequest request) throws FetchFailure, HostBackingOff, InterruptedException;
}
