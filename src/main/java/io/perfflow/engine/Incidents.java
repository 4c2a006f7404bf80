package io.perfflow.engine;

import java.util.List;

/**
 * The engine's open incidents of a process instance, and retrying them (what Operate's "retry"
 * does). Embedded mode reads the in-memory engine's log; camunda mode searches the cluster.
 */
public interface Incidents {
  record Incident(long key, long jobKey, String message) {}

  List<Incident> open(long processInstanceKey);

  /** Gives the failed job its retries back and resolves the incident: the step runs again. */
  void retry(Incident incident);
}
