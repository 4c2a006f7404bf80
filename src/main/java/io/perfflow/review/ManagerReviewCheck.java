package io.perfflow.review;

import io.perfflow.InvalidInputException;
import io.perfflow.tasks.TaskCompletionCheck;
import io.perfflow.tasks.UserTask;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The manager review's rule before the task completes, the one the record-manager-review worker
 * applies ({@link ReviewWorkflow#checkAdjustment}: at most ±{@code max_manager_adjustment} points,
 * which may be narrower than the form's ±10, and a comment with any adjustment): a 400 naming
 * {@code adjustment} or {@code managerComment} in the person's language, and the task stays open,
 * instead of a completed task that the process sends back.
 */
@Component
class ManagerReviewCheck implements TaskCompletionCheck {
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  ManagerReviewCheck(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void check(UserTask task, Map<String, Object> values) {
    if (task.subjectId(ReviewProcesses.REVIEW) == null || !"manager-review".equals(task.elementId())) {
      return;
    }
    Object adjustment = values.get("adjustment");
    Object comment = values.get("managerComment");
    try {
      ReviewWorkflow.checkAdjustment(adjustment == null ? null : new BigDecimal(adjustment.toString().trim()),
          comment == null ? null : comment.toString(), ReviewWorkflow.maxAdjustment(jdbc));
    } catch (InvalidAdjustmentException e) {
      throw new InvalidInputException(e.field(), e.text());
    } catch (NumberFormatException e) {
      // The form's own check (a number) comes first; nothing to add here.
    }
  }
}
