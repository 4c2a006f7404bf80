package io.perfflow.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the engine can be reached now (the camunda runtime probes the cluster; the embedded
 * engine is in-process and always reachable, so it has no bean of this type).
 */
public interface EngineConnection {
  record Down(Instant since, String lastError) {}

  /** Present while the engine is unreachable. */
  Optional<Down> down();
}
