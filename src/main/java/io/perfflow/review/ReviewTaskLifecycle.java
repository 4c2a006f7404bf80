package io.perfflow.review;

import io.perfflow.tasks.TaskLifecycle;
import io.perfflow.tasks.UserTask;
import java.util.Map;
import org.springframework.stereotype.Component;

/** While a review's human step is open, the review's status says which step it is in. */
@Component
class ReviewTaskLifecycle implements TaskLifecycle {
  private static final Map<String, ReviewStatus> STATUS_OF_TASK =
      Map.of(
          "self-assessment", ReviewStatus.SELF_ASSESSMENT,
          "manager-review", ReviewStatus.MANAGER_REVIEW,
          "approve-review", ReviewStatus.APPROVAL,
          "hr-decision", ReviewStatus.HR_DECISION);

  private final ReviewWorkflow workflow;

  ReviewTaskLifecycle(ReviewWorkflow workflow) {
    this.workflow = workflow;
  }

  @Override
  public void created(UserTask task) {
    Long reviewId = task.subjectId(ReviewProcesses.REVIEW);
    ReviewStatus status = STATUS_OF_TASK.get(task.elementId());
    if (reviewId != null && status != null) {
      workflow.setStatus(reviewId, status, null);
    }
  }
}
