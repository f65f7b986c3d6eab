package org.skillshelf.linkcheck.schedule;

import java.time.Duration;
import org.skillshelf.events.LinkCheck;

/**
 * Where the schedule hands the links that are due: checks run elsewhere (on virtual threads, in
 * production) and report back to the listener on their own thread; the schedule applies the
 * results on its stream thread.
 */
public interface CheckRunner {

  /** Starts checking the link; the listener hears exactly once what came of it. */
  void submit(LinkCheckRequest request, Listener listener);

  /** Checks submitted and not yet reported, across all of the process's schedule tasks. */
  int inFlight();

  /** What became of one submitted check. */
  interface Listener {
    /** @param goodBody the digest of the page if the check found it fine, else 0 (see {@link LinkCheckRequest#knownGoodBody()}) */
    void checked(LinkCheck check, long goodBody);

    /** No check was made (the host asked us to stay away, or the process is stopping): try again after {@code retryIn}. */
    void notChecked(Duration retryIn, String why);
  }
}
