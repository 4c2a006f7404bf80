package io.perfflow.tasks;

/** The task is no longer open (completed, being completed, or canceled): 409. */
public class TaskConflictException extends RuntimeException {
  public TaskConflictException(String message) {
    super(message);
  }
}
