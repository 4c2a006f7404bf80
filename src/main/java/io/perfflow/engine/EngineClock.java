package io.perfflow.engine;

import java.time.Instant;

/**
 * The engine's time. Timers, due dates and the supplier-delay detection times are in engine
 * time; on a cluster that is the wall clock, on the embedded engine it is the wall clock plus
 * however far /api/dev/clock moved it. Durations shown to people use this clock.
 */
@FunctionalInterface
public interface EngineClock {
  Instant now();
}
