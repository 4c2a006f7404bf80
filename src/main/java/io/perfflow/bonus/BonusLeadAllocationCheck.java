package io.perfflow.bonus;

import io.perfflow.tasks.TaskCompletionCheck;
import io.perfflow.tasks.UserTask;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The lead's allocation is checked before the task completes (moves net to zero, at most
 * {@code max_lead_move_percent} of the pool, a comment with any move): a 400 naming
 * {@code moves} or {@code leadComment}, and the task stays open.
 */
@Component
class BonusLeadAllocationCheck implements TaskCompletionCheck {
  private final BonusPools pools;

  BonusLeadAllocationCheck(BonusPools pools) {
    this.pools = pools;
  }

  @Override
  public void check(UserTask task, Map<String, Object> variables) {
    Long poolId = task.subjectId(BonusProcesses.POOL);
    if (poolId == null || !BonusProcesses.LEAD_ALLOCATION_TASK.equals(task.elementId())) {
      return;
    }
    // The task is the assignee's (no candidate groups), so whoever completes it is its assignee.
    pools.checkMoves(poolId, text(variables.get("moves")), text(variables.get("leadComment")),
        task.assignee() != null ? task.assignee() : pools.get(poolId).leadId());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
