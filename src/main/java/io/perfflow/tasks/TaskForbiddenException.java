package io.perfflow.tasks;

/** The caller is neither the assignee nor in a candidate group: 403. */
public class TaskForbiddenException extends RuntimeException {
  public TaskForbiddenException(String message) {
    super(message);
  }
}
