package io.perfflow.promotion;

import io.perfflow.tasks.UserTask;
import io.perfflow.web.TaskSubjectView;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A promotion task in the inbox and on the task page: who, which level, the criteria snapshot. */
@Component
class PromotionTaskView implements TaskSubjectView {
  private final Promotions promotions;
  private final CareerLadders ladders;

  PromotionTaskView(Promotions promotions, CareerLadders ladders) {
    this.promotions = promotions;
    this.ladders = ladders;
  }

  @Override
  public InboxSubject inboxRow(UserTask task) {
    Long id = task.subjectId(PromotionProcesses.PROMOTION);
    return id == null ? null : promotions.find(id).map(p -> new InboxSubject(p.employeeName(), "promotion to " + p.toLevel())).orElse(null);
  }

  @Override
  public Map<String, Object> addTo(UserTask task, Model model) {
    Long id = task.subjectId(PromotionProcesses.PROMOTION);
    Promotion p = id == null ? null : promotions.find(id).orElse(null);
    if (p == null) {
      return null;
    }
    model.addAttribute("subjectLine", p.employeeName() + " · " + p.fromLevel() + " → " + p.toLevel());
    model.addAttribute("subjectTemplate", "promotion-task");
    model.addAttribute("promotion", p);
    model.addAttribute("approvals", promotions.approvals(p.id()));
    Ladder.Level level = ladders.find(p.track()).flatMap(l -> l.level(p.toLevel())).orElse(null);
    Map<String, Object> vars = new HashMap<>();
    vars.put("promotionId", p.id());
    vars.put("employeeId", p.employeeId());
    vars.put("employeeName", p.employeeName());
    vars.put("fromLevel", p.fromLevel());
    vars.put("toLevel", p.toLevel());
    vars.put("nominatorId", p.nominatedBy());
    vars.put("payIncreasePercent", plain(p.payIncreasePercent()));
    vars.put("eligibleText", p.eligible() == null ? "not checked yet" : p.eligible() ? "yes" : "no (HR granted an exception: " + p.exceptionReason() + ")");
    vars.put("oldBasePay", plain(p.oldBasePay()));
    vars.put("payBand", level == null || level.payBand() == null ? "none" : level.payBand().toString());
    vars.put("allowancePercent", level == null || level.allowancePercent() == null ? "0" : plain(level.allowancePercent()));
    return vars;
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros().toPlainString();
  }
}
