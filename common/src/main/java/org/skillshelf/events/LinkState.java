package org.skillshelf.events;

/** The health of a catalogue link, derived from its recent checks. */
public enum LinkState {
  UNCHECKED,
  HEALTHY,
  DEGRADED,
  BROKEN
}
