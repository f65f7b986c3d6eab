package org.skillshelf.web;

/** One part of the process whose readiness {@code /healthz} reports (a broker, a stream, an index). */
public interface HealthCheck {
  String name();

  /** The current state in a word or two ({@code RUNNING}, {@code REBALANCING}, {@code CATCHING_UP}). */
  String state();

  boolean isUp();
}
