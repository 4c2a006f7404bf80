package io.perfflow.tasks;

/**
 * What a process family does when one of its tasks changes (contributed as a bean). Called in
 * the transaction that records the change, once per change (a redelivered listener job does not
 * call it again). Example: a review is in MANAGER_REVIEW while its manager-review task is open.
 */
public interface TaskLifecycle {
  default void created(UserTask task) {}

  default void completed(UserTask task) {}
}
