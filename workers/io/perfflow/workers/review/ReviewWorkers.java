package io.perfflow.workers.review;

import io.perfflow.workers.Jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.perfflow.NotFoundException;
import io.perfflow.review.Decision;
import io.perfflow.review.InvalidAdjustmentException;
import io.perfflow.review.MissingMetricException;
import io.perfflow.review.ReviewScoring;
import io.perfflow.review.ReviewWorkflow;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Job workers of the performance-review process: thin adapters over {@link ReviewScoring} and {@link ReviewWorkflow}. */
@Component
public class ReviewWorkers {
  private final ReviewWorkflow workflow;
  private final ReviewScoring scoring;
  private final int hrAfterRejections;

  public ReviewWorkers(ReviewWorkflow workflow, ReviewScoring scoring, @Value("${perfflow.reviews.hr-after-rejections:3}") int hrAfterRejections) {
    this.workflow = workflow;
    this.scoring = scoring;
    this.hrAfterRejections = hrAfterRejections;
  }

  /** The variables each job reads (only these are fetched) and what it writes. */
  public record ReviewJob(Long reviewId) {}

  public record RatingJob(Long reviewId, String rating) {}

  public record ManagerReviewJob(
      Long reviewId, BigDecimal adjustment, String managerComment, Integer selfRating, String selfComment) {}

  public record ApprovalJob(
      Long reviewId, Integer approvalLevel, String approverGroup, String approvalDecision, String approvalComment) {}

  public record HrDecisionJob(Long reviewId, String decision, String comment) {}

  /** The computed total and the KPI lines the forms show ({@code kpiLines}, see {@link io.perfflow.review.KpiLines}). */
  public record Scored(BigDecimal total, List<Map<String, Object>> kpiLines) {}

  public record RejectionCount(int rejectionCount) {}

  public record Result(String result) {}

  @JobWorker(type = "perfflow.review.collect-metrics")
  public void collectMetrics(ActivatedJob job, @VariablesAsType ReviewJob in) {
    try {
      scoring.collectMetrics(id(in.reviewId()), job.getProcessInstanceKey(), Jobs.dedupeKey(job));
    } catch (MissingMetricException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.review.compute-scores")
  public Scored computeScores(ActivatedJob job, @VariablesAsType ReviewJob in) {
    try {
      BigDecimal total = scoring.computeScores(id(in.reviewId()), Jobs.dedupeKey(job));
      return new Scored(total, scoring.kpiLines(id(in.reviewId())));
    } catch (MissingMetricException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.review.record-rating")
  public void recordRating(ActivatedJob job, @VariablesAsType RatingJob in) {
    if (in.rating() == null) {
      throw Jobs.incident("The rating decision gave no 'rating' for review " + in.reviewId());
    }
    String stage = job.getCustomHeaders().getOrDefault("stage", "initial");
    workflow.recordRating(id(in.reviewId()), in.rating(), stage, Jobs.dedupeKey(job));
  }

  /** Writes {@code finalTotal} and clears {@code reviewError} (a Map: a null value must be written). */
  @JobWorker(type = "perfflow.review.record-manager-review")
  public Map<String, Object> recordManagerReview(ActivatedJob job, @VariablesAsType ManagerReviewJob in) {
    try {
      var outcome = workflow.recordManagerReview(
          id(in.reviewId()), in.adjustment(), in.managerComment(), in.selfRating(), in.selfComment(), Jobs.dedupeKey(job));
      Map<String, Object> result = new HashMap<>();
      result.put("finalTotal", outcome.finalTotal());
      result.put("reviewError", null);
      return result;
    } catch (InvalidAdjustmentException e) {
      // Back to the manager with the reason. PerfFlow's completion (ManagerReviewCheck) and the
      // completing listener refuse such values before; this is for a rule that changed in between.
      // reviewError is shown by the manager-review form, in Tasklist too, which knows no person's
      // language: in English and Chinese, like the form's labels. The error message (Operate) in English.
      throw CamundaError.bpmnError("INVALID_ADJUSTMENT", e.getMessage(), Map.of("reviewError", io.perfflow.i18n.Bilingual.both(e.text())));
    }
  }

  /** Writes {@code rejectionComment} only when rejected (a Map: nothing at all otherwise). */
  @JobWorker(type = "perfflow.review.record-approval")
  public Map<String, Object> recordApproval(@VariablesAsType ApprovalJob in) {
    Decision decision = Decision.of(in.approvalDecision()).orElseThrow(() -> Jobs.incident(
        "Approval of review " + in.reviewId() + " by " + in.approverGroup() + " has no valid decision: '" + in.approvalDecision() + "'"));
    return workflow
        .recordApproval(id(in.reviewId()), in.approvalLevel() == null ? 1 : in.approvalLevel(), in.approverGroup(),
            decision, in.approvalComment())
        .<Map<String, Object>>map(comment -> Map.of("rejectionComment", comment))
        .orElse(Map.of());
  }

  @JobWorker(type = "perfflow.review.count-rejection")
  public RejectionCount countRejection(@VariablesAsType ReviewJob in) {
    return new RejectionCount(workflow.countRejection(id(in.reviewId()), hrAfterRejections));
  }

  @JobWorker(type = "perfflow.review.record-hr-decision")
  public void recordHrDecision(@VariablesAsType HrDecisionJob in) {
    Decision decision = Decision.of(in.decision()).orElseThrow(() -> Jobs.incident(
        "HR decision of review " + in.reviewId() + " is not APPROVE or REJECT: '" + in.decision() + "'"));
    workflow.recordHrDecision(id(in.reviewId()), decision, in.comment());
  }

  @JobWorker(type = "perfflow.review.apply-results")
  public Result applyResults(@VariablesAsType ReviewJob in) {
    return new Result(workflow.applyResults(id(in.reviewId())));
  }

  private static long id(Long reviewId) {
    if (reviewId == null) {
      throw Jobs.incident("The process has no variable 'reviewId'");
    }
    return reviewId;
  }
}
