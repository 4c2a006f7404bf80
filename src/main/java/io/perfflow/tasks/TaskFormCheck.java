package io.perfflow.tasks;

import java.util.Map;

/**
 * A process family's check of a task's submitted form values beyond what the form itself says
 * (contributed as a bean), for rules that need the subject's data: a promotion's new pay must lie
 * in the level's pay band. Called with the form-validated values before a task is completed
 * through PerfFlow, and by the completing listener for completions from elsewhere; throws
 * {@link io.perfflow.InvalidInputException} naming the field.
 */
public interface TaskFormCheck {
  void check(UserTask task, Map<String, Object> values);
}
