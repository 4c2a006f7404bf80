package io.perfflow.tasks;

import java.util.Optional;

/**
 * The rules in front of completing or assigning a task, implemented outside this generic package
 * (by the access-policy package's TaskRules, which knows the processes' subjects). The inbox asks
 * it before sending a command; the task listeners ask it again for what arrives from elsewhere.
 * Each method answers why not, or empty when allowed.
 */
public interface TaskGuard {
  Optional<io.perfflow.Msg> completionRefusal(UserTask task, String actor);

  /** {@code actor} hands the task to {@code assignee}; {@code actor} is null when unknown (a listener). */
  Optional<io.perfflow.Msg> assignmentRefusal(UserTask task, String actor, String assignee);

  /** Offered to the person and allowed for them: what the inbox lists and the task page shows. */
  boolean mayAct(UserTask task, String actor);
}
