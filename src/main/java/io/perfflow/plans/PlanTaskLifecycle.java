package io.perfflow.plans;

import io.perfflow.tasks.TaskLifecycle;
import io.perfflow.tasks.UserTask;
import org.springframework.stereotype.Component;

/**
 * Who did the weekly review, who acknowledged a campaign notice: stored when the task completes (the
 * worker then records the result).
 */
@Component
class PlanTaskLifecycle implements TaskLifecycle {
  private final WeeklyPlanWorkflow workflow;
  private final CampaignNotices notices;

  PlanTaskLifecycle(WeeklyPlanWorkflow workflow, CampaignNotices notices) {
    this.workflow = workflow;
    this.notices = notices;
  }

  @Override
  public void completed(UserTask task) {
    Long planId = task.subjectId(WeeklyPlans.SUBJECT);
    if (planId != null && PlanProcesses.WEEKLY_REVIEW_TASK.equals(task.elementId()) && task.completedBy() != null) {
      workflow.recordReviewer(planId, task.completedBy(), task.completedAt());
    }
    Long noticeId = task.subjectId(CampaignNotices.SUBJECT);
    if (noticeId != null && PlanProcesses.ACKNOWLEDGE_TASKS.contains(task.elementId()) && task.completedBy() != null) {
      notices.recordAcknowledger(noticeId, task.completedBy(), task.completedAt());
    }
  }
}
