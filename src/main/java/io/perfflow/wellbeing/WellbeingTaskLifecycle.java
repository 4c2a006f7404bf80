package io.perfflow.wellbeing;

import io.perfflow.tasks.TaskLifecycle;
import io.perfflow.tasks.UserTask;
import java.util.Map;
import org.springframework.stereotype.Component;

/** An intervention task is linked to its step when created (the multi-instance element {@code step}). */
@Component
class WellbeingTaskLifecycle implements TaskLifecycle {
  private final WellbeingCases cases;

  WellbeingTaskLifecycle(WellbeingCases cases) {
    this.cases = cases;
  }

  @Override
  public void created(UserTask task, Map<String, Object> variables) {
    if (task.subjectId(WellbeingProcesses.CASE) == null) {
      return;
    }
    if (variables.get("step") instanceof Map<?, ?> step && step.get("stepId") instanceof Number stepId) {
      cases.linkTask(stepId.longValue(), task.key());
    }
  }
}
