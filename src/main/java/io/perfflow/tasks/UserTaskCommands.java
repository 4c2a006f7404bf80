package io.perfflow.tasks;

import java.util.Map;

/**
 * The two user-task commands PerfFlow sends to the engine. Embedded mode writes them into the
 * in-process engine's log; camunda mode calls the Orchestration Cluster REST API. Either way the
 * outcome is observed through the task listeners, which keep the inbox current.
 */
public interface UserTaskCommands {
  void complete(long userTaskKey, Map<String, Object> variables);

  void assign(long userTaskKey, String assignee);
}
