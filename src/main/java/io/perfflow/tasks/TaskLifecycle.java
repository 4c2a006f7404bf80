package io.perfflow.tasks;

/**
 * What a process family does when one of its tasks changes (contributed as a bean). Called in
 * the transaction that records the change, once per change (a redelivered listener job does not
 * call it again). Example: a review is in MANAGER_REVIEW while its manager-review task is open.
 */
public interface TaskLifecycle {
  default void created(UserTask task) {}

  /**
   * The task was created; {@code variables} are those its creating listener saw (the instance's,
   * and the local ones of its scope, e.g. the element of a multi-instance it is one of). By
   * default {@link #created(UserTask)}.
   */
  default void created(UserTask task, java.util.Map<String, Object> variables) {
    created(task);
  }

  default void completed(UserTask task) {}
}
