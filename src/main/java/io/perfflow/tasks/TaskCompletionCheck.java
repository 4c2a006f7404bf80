package io.perfflow.tasks;

import java.util.Map;

/**
 * A process family's check of a task's submitted variables before the task completes (contributed
 * as a bean): the rules a form cannot say, across fields or against the family's data (a team
 * lead may move at most 10 % of a bonus pool). Called after the form's own field checks; throw
 * {@code io.perfflow.InvalidInputException} (a 400 naming the field) to refuse, and nothing is
 * completed. Return quietly for tasks that are not the family's.
 */
public interface TaskCompletionCheck {
  void check(UserTask task, Map<String, Object> variables);
}
