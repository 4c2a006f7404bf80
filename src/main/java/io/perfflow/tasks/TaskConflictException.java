package io.perfflow.tasks;

/** The task is no longer open (completed, being completed, or canceled): 409. */
public class TaskConflictException extends io.perfflow.LocalizedException {
  public TaskConflictException(String message) {
    super(message);
  }

  public TaskConflictException(io.perfflow.Msg text) {
    super(text);
  }
}
