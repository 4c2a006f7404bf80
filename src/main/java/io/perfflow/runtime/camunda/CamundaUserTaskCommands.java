package io.perfflow.runtime.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ProblemException;
import io.perfflow.tasks.UserTaskCommands;
import io.perfflow.tasks.UserTaskGoneException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Completes and assigns Camunda user tasks through the Orchestration Cluster REST API ({@code
 * POST /v2/user-tasks/{key}/completion}, {@code /assignment}); the client's user-task commands are
 * REST only. The call returns once the engine accepted the command; the inbox is then updated by
 * the task listeners, as in embedded mode.
 *
 * <p>HTTP 404 and 409 become {@link UserTaskGoneException}; any other error is rethrown as the
 * client reported it, and an error without an HTTP status (cluster unreachable, timeout) also
 * marks the cluster DOWN in {@link ClusterStatus}.
 */
public class CamundaUserTaskCommands implements UserTaskCommands {
  private final CamundaClient client;
  private final ClusterStatus status;

  public CamundaUserTaskCommands(CamundaClient client, ClusterStatus status) {
    this.client = client;
    this.status = status;
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    send(
        userTaskKey,
        () ->
            client
                .newCompleteUserTaskCommand(userTaskKey)
                .variables(variables == null ? Map.of() : variables)
                .send()
                .join());
  }

  @Override
  public boolean listenersCanDeny() {
    return true;
  }

  @Override
  public void assign(long userTaskKey, String assignee) {
    send(
        userTaskKey,
        () ->
            client
                .newAssignUserTaskCommand(userTaskKey)
                .assignee(assignee)
                .allowOverride(true)
                .send()
                .join());
  }

  private void send(long userTaskKey, Supplier<?> command) {
    try {
      command.get();
    } catch (RuntimeException e) {
      throw translate(userTaskKey, e);
    }
  }

  RuntimeException translate(long userTaskKey, RuntimeException error) {
    ClientHttpException http = find(error, ClientHttpException.class);
    if (http == null) {
      status.markDown(CamundaClusterProbe.describe(error));
      return error;
    }
    String detail =
        http instanceof ProblemException problem && problem.details() != null
            ? problem.details().getDetail()
            : http.reason();
    return switch (http.code()) {
      // A blocking task listener may still be running when the gateway gives up: busy, retry.
      case 503, 504 -> new io.perfflow.tasks.EngineBusyException(
          io.perfflow.Msg.of("tasks.error.clusterNotConfirmed", userTaskKey, http.code()));
      case 404 -> new UserTaskGoneException(userTaskKey, UserTaskGoneException.Reason.NOT_FOUND, detail, error);
      case 409 ->
          new UserTaskGoneException(userTaskKey, UserTaskGoneException.Reason.ALREADY_COMPLETED, detail, error);
      default -> error;
    };
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
