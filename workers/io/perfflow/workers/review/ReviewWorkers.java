package io.perfflow.workers.review;

import io.perfflow.workers.Jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.perfflow.NotFoundException;
import io.perfflow.review.InvalidAdjustmentException;
import io.perfflow.review.MissingMetricException;
import io.perfflow.review.ReviewWorkflow;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Job workers of the performance-review process: thin adapters over {@link ReviewWorkflow}. */
@Component
public class ReviewWorkers {
  private final ReviewWorkflow workflow;
  private final int hrAfterRejections;

  public ReviewWorkers(ReviewWorkflow workflow, @Value("${perfflow.reviews.hr-after-rejections:3}") int hrAfterRejections) {
    this.workflow = workflow;
    this.hrAfterRejections = hrAfterRejections;
  }

  @JobWorker(type = "perfflow.review.collect-metrics")
  public void collectMetrics(ActivatedJob job, @Variable("reviewId") Long reviewId) {
    try {
      workflow.collectMetrics(id(reviewId), job.getProcessInstanceKey(), Jobs.dedupeKey(job));
    } catch (MissingMetricException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.review.compute-scores")
  public Map<String, Object> computeScores(ActivatedJob job, @Variable("reviewId") Long reviewId) {
    try {
      BigDecimal total = workflow.computeScores(id(reviewId), Jobs.dedupeKey(job));
      return Map.of("total", total);
    } catch (MissingMetricException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.review.record-rating")
  public void recordRating(ActivatedJob job, @Variable("reviewId") Long reviewId, @Variable("rating") String rating) {
    if (rating == null) {
      throw Jobs.incident("The rating decision gave no 'rating' for review " + reviewId);
    }
    String stage = job.getCustomHeaders().getOrDefault("stage", "initial");
    workflow.recordRating(id(reviewId), rating, stage, Jobs.dedupeKey(job));
  }

  @JobWorker(type = "perfflow.review.record-manager-review")
  public Map<String, Object> recordManagerReview(
      ActivatedJob job,
      @Variable("reviewId") Long reviewId,
      @Variable("adjustment") BigDecimal adjustment,
      @Variable("managerComment") String managerComment,
      @Variable("selfRating") Integer selfRating,
      @Variable("selfComment") String selfComment) {
    try {
      var outcome = workflow.recordManagerReview(id(reviewId), adjustment, managerComment, selfRating, selfComment, Jobs.dedupeKey(job));
      Map<String, Object> result = new HashMap<>();
      result.put("finalTotal", outcome.finalTotal());
      result.put("reviewError", null);
      return result;
    } catch (InvalidAdjustmentException e) {
      // Back to the manager with the reason (Tasklist cannot enforce the cross-field rule).
      throw CamundaError.bpmnError("INVALID_ADJUSTMENT", e.getMessage(), Map.of("reviewError", e.getMessage()));
    }
  }

  @JobWorker(type = "perfflow.review.record-approval")
  public Map<String, Object> recordApproval(
      @Variable("reviewId") Long reviewId,
      @Variable("approvalLevel") Integer approvalLevel,
      @Variable("approverGroup") String approverGroup,
      @Variable("approvalDecision") String approvalDecision,
      @Variable("approvalComment") String approvalComment) {
    if (!"APPROVE".equals(approvalDecision) && !"REJECT".equals(approvalDecision)) {
      throw Jobs.incident("Approval of review " + reviewId + " by " + approverGroup + " has no valid decision: '" + approvalDecision + "'");
    }
    return workflow
        .recordApproval(id(reviewId), approvalLevel == null ? 1 : approvalLevel, approverGroup, approvalDecision, approvalComment)
        .<Map<String, Object>>map(comment -> Map.of("rejectionComment", comment))
        .orElse(Map.of());
  }

  @JobWorker(type = "perfflow.review.count-rejection")
  public Map<String, Object> countRejection(@Variable("reviewId") Long reviewId) {
    return Map.of("rejectionCount", workflow.countRejection(id(reviewId), hrAfterRejections));
  }

  @JobWorker(type = "perfflow.review.record-hr-decision")
  public void recordHrDecision(
      @Variable("reviewId") Long reviewId, @Variable("decision") String decision, @Variable("comment") String comment) {
    if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
      throw Jobs.incident("HR decision of review " + reviewId + " is not APPROVE or REJECT: '" + decision + "'");
    }
    workflow.recordHrDecision(id(reviewId), decision, comment);
  }

  @JobWorker(type = "perfflow.review.apply-results")
  public Map<String, Object> applyResults(@Variable("reviewId") Long reviewId) {
    return Map.of("result", workflow.applyResults(id(reviewId)));
  }

  private static long id(Long reviewId) {
    if (reviewId == null) {
      throw Jobs.incident("The process has no variable 'reviewId'");
    }
    return reviewId;
  }
}
