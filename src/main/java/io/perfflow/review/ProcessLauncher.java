package io.perfflow.review;

import java.util.Map;

/** Starts process instances; implemented over the Camunda client (the same in both runtimes). */
public interface ProcessLauncher {
  String REVIEW_CYCLE = "review-cycle";
  String PERFORMANCE_REVIEW = "performance-review";

  /** Starts the latest version of a process; returns the process instance key. */
  long start(String bpmnProcessId, Map<String, Object> variables);
}
