package io.perfflow.promotion;

import io.perfflow.tasks.TaskLifecycle;
import io.perfflow.tasks.UserTask;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** While a promotion's human step is open, its status says which step it is in. */
@Component
class PromotionTaskLifecycle implements TaskLifecycle {
  private static final Map<String, PromotionStatus> STATUS_OF_TASK = Map.of(
      "hr-exception", PromotionStatus.HR_EXCEPTION,
      "approve-promotion", PromotionStatus.APPROVAL,
      "finalise-promotion", PromotionStatus.FINALISATION);

  private final JdbcClient jdbc;

  PromotionTaskLifecycle(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void created(UserTask task) {
    Long id = task.subjectId(PromotionProcesses.PROMOTION);
    PromotionStatus status = STATUS_OF_TASK.get(task.elementId());
    if (id != null && status != null) {
      jdbc.sql("UPDATE promotion SET status = ? WHERE id = ? AND status NOT IN ('SCHEDULED', 'APPLIED', 'REJECTED', 'DECLINED')")
          .params(status.name(), id)
          .update();
    }
  }
}
