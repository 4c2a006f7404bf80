package io.perfflow.review;

import io.perfflow.audit.AuditLog;
import io.perfflow.tasks.TaskInbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions of one performance review (rating, manager review, approvals, HR decision,
 * results), each step called by a job worker; its metrics and scores are {@link ReviewScoring}'s.
 * Every step is idempotent (a retried job changes nothing twice and audits once) and leaves an
 * audit event.
 */
@Service
public class ReviewWorkflow {
  public static final String SYSTEM = AuditLog.SYSTEM;

  private final JdbcClient jdbc;
  private final Reviews reviews;
  private final AuditLog audit;
  private final TaskInbox tasks;

  public ReviewWorkflow(
      JdbcClient jdbc, Reviews reviews, AuditLog audit, TaskInbox tasks) {
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.audit = audit;
  }

  @Transactional
  public void recordRating(long reviewId, String rating, String stage, String dedupeKey) {
    Review review = reviews.get(reviewId);
    jdbc.sql("UPDATE review SET rating = ?, updated_at = now() WHERE id = ?").params(rating, reviewId).update();
    BigDecimal on = "final".equals(stage) ? review.finalTotal() : review.total();
    audit.append(SYSTEM, "RATING_DETERMINED", ReviewProcesses.review(reviewId),
        Map.of("stage", stage, "rating", rating, "total", on == null ? "" : on.toPlainString()), dedupeKey);
  }

  public record ManagerReviewOutcome(BigDecimal finalTotal) {}

  /**
   * Records the manager's adjustment (at most ±{@code max_manager_adjustment} points, a comment
   * when it is not 0) and the employee's self-assessment, and computes the final total.
   */
  @Transactional
  public ManagerReviewOutcome recordManagerReview(
      long reviewId, BigDecimal adjustment, String managerComment, Integer selfRating, String selfComment, String dedupeKey) {
    Review review = reviews.get(reviewId);
    checkAdjustment(adjustment, managerComment);
    BigDecimal finalTotal = review.total().add(adjustment).setScale(2, RoundingMode.HALF_UP);
    jdbc.sql(
            """
            UPDATE review SET adjustment = ?, final_total = ?, manager_comment = ?, self_rating = coalesce(?, self_rating),
              self_comment = coalesce(?, self_comment), updated_at = now() WHERE id = ?""")
        .params(adjustment, finalTotal, managerComment, selfRating, selfComment, reviewId)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("total", review.total().toPlainString());
    details.put("adjustment", adjustment.stripTrailingZeros().toPlainString());
    details.put("finalTotal", finalTotal.toPlainString());
    details.put("managerComment", managerComment == null ? "" : managerComment);
    audit.append(review.managerId() == null ? SYSTEM : review.managerId(), "MANAGER_REVIEW_RECORDED", ReviewProcesses.review(reviewId), details, dedupeKey);
    return new ManagerReviewOutcome(finalTotal);
  }

  /**
   * The manager's adjustment within the rules: given, at most ±{@code max_manager_adjustment}
   * points (scoring_setting, 10 by default), with a comment when it is not 0. Checked when the
   * manager completes the task through PerfFlow ({@code ManagerReviewCheck}) and again when it is
   * recorded.
   */
  public void checkAdjustment(BigDecimal adjustment, String managerComment) {
    checkAdjustment(adjustment, managerComment, maxAdjustment(jdbc));
  }

  /** The company's limit of a manager's adjustment, in points (scoring_setting max_manager_adjustment, else 10). */
  static BigDecimal maxAdjustment(JdbcClient jdbc) {
    return jdbc.sql("SELECT value FROM scoring_setting WHERE name = 'max_manager_adjustment'").query(BigDecimal.class)
        .optional().orElse(BigDecimal.TEN);
  }

  static void checkAdjustment(BigDecimal adjustment, String managerComment, BigDecimal max) {
    if (adjustment == null) {
      throw new InvalidAdjustmentException("adjustment", io.perfflow.Msg.of("review.error.adjustmentRequired"));
    }
    if (adjustment.abs().compareTo(max) > 0) {
      throw new InvalidAdjustmentException("adjustment", io.perfflow.Msg.of("review.error.adjustmentOutside",
          adjustment.stripTrailingZeros().toPlainString(), max.stripTrailingZeros().toPlainString()));
    }
    if (adjustment.signum() != 0 && (managerComment == null || managerComment.isBlank())) {
      throw new InvalidAdjustmentException("managerComment", io.perfflow.Msg.of("review.error.adjustmentComment"));
    }
  }

  /** Records one approver group's decision; returns the rejection comment when it rejected. */
  @Transactional
  public Optional<String> recordApproval(long reviewId, int level, String group, Decision decision, String comment) {
    Review review = reviews.get(reviewId);
    int round = review.rejectionCount() + 1;
    String actor = lastCompletedBy(reviewId, "approve-review", group);
    int inserted =
        jdbc.sql(
                """
                INSERT INTO approval (review_id, round, level, group_id, decision, comment, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id, round, level, group_id) DO NOTHING""")
            .params(reviewId, round, level, group, decision.name(), comment, actor)
            .update();
    if (inserted > 0) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("round", round);
      details.put("level", level);
      details.put("group", group);
      details.put("decision", decision.name());
      details.put("comment", comment == null ? "" : comment);
      audit.append(actor, decision == Decision.REJECT ? "APPROVAL_REJECTED" : "APPROVAL_GRANTED", ReviewProcesses.review(reviewId), details);
    }
    return decision == Decision.REJECT ? Optional.of(comment == null ? "" : comment) : Optional.empty();
  }

  /** Counts the rounds that ended in a rejection (idempotent: derived from the decisions). */
  @Transactional
  public int countRejection(long reviewId, int hrAfter) {
    Review review = reviews.get(reviewId);
    int count =
        jdbc.sql("SELECT count(DISTINCT round) FROM approval WHERE review_id = ? AND decision = 'REJECT' AND level > 0")
            .param(reviewId)
            .query(Integer.class)
            .single();
    jdbc.sql("UPDATE review SET rejection_count = ?, updated_at = now() WHERE id = ?").params(count, reviewId).update();
    String next = count >= hrAfter ? "HR_DECISION" : "MANAGER_REVIEW";
    audit.append(SYSTEM, "REVIEW_SENT_BACK", ReviewProcesses.review(reviewId),
        Map.of("rejections", count, "next", next), "rejection:" + reviewId + ":" + count);
    return count;
  }

  @Transactional
  public void recordHrDecision(long reviewId, Decision decision, String comment) {
    Review review = reviews.get(reviewId);
    String actor = lastCompletedBy(reviewId, "hr-decision", "hr");
    int inserted =
        jdbc.sql(
                """
                INSERT INTO approval (review_id, round, level, group_id, decision, comment, actor)
                VALUES (?, ?, 0, 'hr', ?, ?, ?) ON CONFLICT (review_id, round, level, group_id) DO NOTHING""")
            .params(reviewId, review.rejectionCount(), decision.name(), comment, actor)
            .update();
    if (decision == Decision.REJECT) {
      setStatus(reviewId, ReviewStatus.REJECTED, "Rejected by HR after " + review.rejectionCount() + " rejections: " + comment);
    }
    if (inserted > 0) {
      audit.append(actor, "HR_DECISION", ReviewProcesses.review(reviewId),
          Map.of("decision", decision.name(), "comment", comment == null ? "" : comment));
    }
  }

  /**
   * Applies the result policy of the rating: a bonus (percent of base pay) and/or enrolment in
   * the role's training plan. Returns a one-line summary.
   */
  @Transactional
  public String applyResults(long reviewId) {
    Review review = reviews.get(reviewId);
    Optional<ReviewResult> existing = reviews.result(reviewId);
    if (existing.isPresent()) {
      return existing.get().summary();
    }
    var policy =
        jdbc.sql("SELECT bonus_percent, enrol_training FROM result_policy WHERE rating = ?")
            .param(review.rating())
            .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getBoolean(2)})
            .optional()
            .orElse(new Object[] {BigDecimal.ZERO, false});
    BigDecimal percent = (BigDecimal) policy[0];
    BigDecimal basePay =
        jdbc.sql("SELECT base_pay FROM employee WHERE id = ?").param(review.employeeId()).query(BigDecimal.class).single();
    BigDecimal bonus = basePay.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    String plan = null;
    if ((Boolean) policy[1]) {
      plan =
          jdbc.sql("SELECT code || ': ' || name FROM training_plan WHERE role = ?")
              .param(review.role())
              .query(String.class)
              .optional()
              .orElse("general performance improvement plan");
    }
    List<String> parts = new ArrayList<>();
    parts.add("Rating " + review.rating() + ", final score " + review.finalTotal().toPlainString());
    if (bonus.signum() > 0) {
      parts.add("bonus " + bonus.toPlainString() + " (" + percent.stripTrailingZeros().toPlainString() + "% of base pay)");
    }
    if (plan != null) {
      parts.add("enrolled in training plan " + plan);
    }
    String summary = String.join("; ", parts);
    jdbc.sql(
            """
            INSERT INTO review_result (review_id, rating, bonus_percent, bonus_amount, training_plan, summary)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (review_id) DO NOTHING""")
        .params(reviewId, review.rating(), percent, bonus, plan, summary)
        .update();
    setStatus(reviewId, ReviewStatus.COMPLETED, null);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rating", review.rating());
    details.put("bonusAmount", bonus.toPlainString());
    details.put("trainingPlan", plan == null ? "" : plan);
    details.put("summary", summary);
    audit.append(SYSTEM, "RESULTS_APPLIED", ReviewProcesses.review(reviewId), details);
    return summary;
  }

  /** Status changes that follow a human step (set when its task is created). */
  @Transactional(propagation = Propagation.REQUIRED)
  public void setStatus(long reviewId, ReviewStatus status, String reason) {
    jdbc.sql("UPDATE review SET status = ?, status_reason = ?, updated_at = now() WHERE id = ?")
        .params(status.name(), reason, reviewId)
        .update();
  }

  private String lastCompletedBy(long reviewId, String elementId, String group) {
    return tasks.completedOf(ReviewProcesses.review(reviewId)).stream()
        .filter(t -> t.elementId().equals(elementId) && t.candidateGroups().contains(group))
        .map(t -> t.completedBy() != null ? t.completedBy() : t.assignee() != null ? t.assignee() : "unknown")
        .findFirst()
        .orElse("unknown");
  }

  BigDecimal setting(String name, BigDecimal fallback) {
    return jdbc.sql("SELECT value FROM scoring_setting WHERE name = ?").param(name).query(BigDecimal.class).optional().orElse(fallback);
  }
}
