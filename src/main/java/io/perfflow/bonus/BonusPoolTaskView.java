package io.perfflow.bonus;

import io.perfflow.tasks.UserTask;
import io.perfflow.web.TaskSubjectView;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A team bonus pool's task in the inbox and on the task page: next to the form, every member's
 * share and (on the lead's task) how much may be moved and that their own share stays.
 */
@Component
class BonusPoolTaskView implements TaskSubjectView {
  private final BonusPools pools;
  private final BonusPolicy policy;

  BonusPoolTaskView(BonusPools pools, BonusPolicy policy) {
    this.pools = pools;
    this.policy = policy;
  }

  @Override
  public InboxSubject inboxRow(UserTask task) {
    Long id = task.subjectId(BonusProcesses.POOL);
    if (id == null) {
      return null;
    }
    BonusPools.Pool pool = pools.get(id);
    return new InboxSubject("team bonus " + pool.team(), pool.period());
  }

  @Override
  public Map<String, Object> addTo(UserTask task, Model model) {
    Long id = task.subjectId(BonusProcesses.POOL);
    if (id == null) {
      return null;
    }
    BonusPools.Pool pool = pools.get(id);
    model.addAttribute("subjectLine", "Team bonus " + pool.team() + " · " + pool.period() + " · " + pool.amount().toPlainString()
        + " " + pool.currency());
    model.addAttribute("subjectTemplate", "bonus-pool-task");
    BonusPages.addPool(model, pool, pools, policy.current().maxLeadMovePercent());
    model.addAttribute("ownShare", task.assignee() != null && pools.isMember(id, task.assignee()));
    Map<String, Object> vars = new HashMap<>();
    vars.put("poolId", pool.id());
    vars.put("team", pool.team());
    vars.put("period", pool.period());
    vars.put("leadId", pool.leadId());
    vars.put("hrComment", pool.hrComment() == null ? "" : "HR: " + pool.hrComment());
    vars.put("allocationSummary", pools.allocations(id).stream()
        .map(a -> "- " + a.employeeId() + ": share " + a.share().toPlainString()
            + (a.adjustedShare().compareTo(a.share()) == 0 ? "" : ", after the lead's moves " + a.adjustedShare().toPlainString()))
        .collect(java.util.stream.Collectors.joining("\n")));
    return vars;
  }
}
