package io.perfflow.plans;

import io.perfflow.tasks.TaskLifecycle;
import io.perfflow.tasks.UserTask;
import org.springframework.stereotype.Component;

/** Who did the weekly review: stored on the plan when the task completes (the worker then records the result). */
@Component
class PlanTaskLifecycle implements TaskLifecycle {
  private final WeeklyPlanWorkflow workflow;

  PlanTaskLifecycle(WeeklyPlanWorkflow workflow) {
    this.workflow = workflow;
  }

  @Override
  public void completed(UserTask task) {
    Long planId = task.subjectId(WeeklyPlans.SUBJECT);
    if (planId != null && PlanProcesses.WEEKLY_REVIEW_TASK.equals(task.elementId()) && task.completedBy() != null) {
      workflow.recordReviewer(planId, task.completedBy(), task.completedAt());
    }
  }
}
