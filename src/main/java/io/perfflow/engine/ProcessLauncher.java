package io.perfflow.engine;

import java.time.Duration;
import java.util.Map;

/** Starts process instances; implemented over the Camunda client (the same in both runtimes). */
public interface ProcessLauncher {
  /** Starts the latest version of a process; returns the process instance key. */
  long start(String bpmnProcessId, Map<String, Object> variables);

  /**
   * Starts the latest version of a process and waits until the instance has ended; returns its
   * variables.
   */
  Map<String, Object> startAndAwait(String bpmnProcessId, Map<String, Object> variables, Duration timeout);

  /**
   * Publishes a message. Returns false when a message with the same {@code messageId} is still
   * buffered (the engine refused it as a duplicate).
   */
  boolean publish(String messageName, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables);
}
