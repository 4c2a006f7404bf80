package io.perfflow.review;

import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.JobFailureHandler;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The review invariant: a review is never left in a human step with no task when its process has
 * stopped on a failed job. It becomes BLOCKED with the incident's message, and the retry
 * endpoint retries it.
 */
@Component
public class ReviewJobFailures implements JobFailureHandler {
  private final Reviews reviews;
  private final ReviewWorkflow workflow;
  private final AuditLog audit;

  public ReviewJobFailures(Reviews reviews, ReviewWorkflow workflow, AuditLog audit) {
    this.reviews = reviews;
    this.workflow = workflow;
    this.audit = audit;
  }

  @Override
  public void failedForGood(ActivatedJob job, String message) {
    Object id = job.getVariablesAsMap().get("reviewId");
    if (!(id instanceof Number n)) {
      return;
    }
    reviews.find(n.longValue())
        .filter(r -> !r.status().isFinished() && r.status() != ReviewStatus.INTERRUPTED)
        .filter(r -> r.status() != ReviewStatus.BLOCKED || !message.equals(r.statusReason()))
        .ifPresent(r -> {
          workflow.setStatus(r.id(), ReviewStatus.BLOCKED, message);
          audit.append(ReviewWorkflow.SYSTEM, "REVIEW_BLOCKED", ReviewProcesses.review(r.id()),
              Map.of("job", job.getType(), "error", message), "review-blocked:" + job.getKey() + ":" + job.getRetries());
        });
  }
}
