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

  /**
   * Whether a task listener's denial reaches the engine. The embedded engine's gRPC gateway drops
   * job results (it forwards only variables), so there PerfFlow's API is the only way to act on
   * a task and its checks are the guard; on a cluster, Tasklist and the REST API bypass PerfFlow,
   * and the completing and assigning listeners deny what the rules refuse.
   */
  default boolean listenersCanDeny() {
    return false;
  }
}
