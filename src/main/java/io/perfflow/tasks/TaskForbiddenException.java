package io.perfflow.tasks;

/** The caller is neither the assignee nor in a candidate group: 403. */
public class TaskForbiddenException extends io.perfflow.LocalizedException {
  public TaskForbiddenException(String message) {
    super(message);
  }

  public TaskForbiddenException(io.perfflow.Msg text) {
    super(text);
  }
}
