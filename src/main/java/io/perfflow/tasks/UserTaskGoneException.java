package io.perfflow.tasks;

/**
 * The engine refused a user-task command because the task can no longer take it: it does not
 * exist any more (completed, canceled with its process, or never existed) or it is already being
 * completed. The inbox row is stale; the task listeners bring it up to date.
 */
public class UserTaskGoneException extends RuntimeException {
  public enum Reason {
    /** HTTP 404: no such task (completed, canceled, or a wrong key). */
    NOT_FOUND,
    /** HTTP 409: the task is already completed or a completion is in progress. */
    ALREADY_COMPLETED
  }

  private final long userTaskKey;
  private final Reason reason;

  public UserTaskGoneException(long userTaskKey, Reason reason, String detail, Throwable cause) {
    super(message(userTaskKey, reason, detail), cause);
    this.userTaskKey = userTaskKey;
    this.reason = reason;
  }

  public long userTaskKey() {
    return userTaskKey;
  }

  public Reason reason() {
    return reason;
  }

  private static String message(long key, Reason reason, String detail) {
    String what =
        switch (reason) {
          case NOT_FOUND -> "User task " + key + " was not found: it was completed or canceled";
          case ALREADY_COMPLETED ->
              "User task " + key + " is already completed (or its completion is in progress)";
        };
    return detail == null || detail.isBlank() ? what : what + " (" + detail + ")";
  }
}
