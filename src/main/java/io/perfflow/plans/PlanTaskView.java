package io.perfflow.plans;

import io.perfflow.Msg;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.tasks.UserTask;
import io.perfflow.web.TaskSubjectView;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The plans family's tasks in PerfFlow's inbox and on its task page: a weekly review (whose plan,
 * which week) and a campaign notice (which campaign; the form's {@code summary} text in the
 * reader's language, from the notice as it was sent). The variables are the ones the processes
 * give the forms in Tasklist.
 */
@Component
class PlanTaskView implements TaskSubjectView {
  private final WeeklyPlans plans;
  private final CampaignNotices notices;
  private final Campaigns campaigns;
  private final Organisation organisation;

  PlanTaskView(WeeklyPlans plans, CampaignNotices notices, Campaigns campaigns, Organisation organisation) {
    this.plans = plans;
    this.notices = notices;
    this.campaigns = campaigns;
    this.organisation = organisation;
  }

  @Override
  public InboxSubject inboxRow(UserTask task) {
    Long planId = task.subjectId(WeeklyPlans.SUBJECT);
    if (planId != null) {
      return plans.find(planId).map(p -> new InboxSubject(name(p.employeeId()), p.week())).orElse(null);
    }
    Long noticeId = task.subjectId(CampaignNotices.SUBJECT);
    if (noticeId != null) {
      return notices.find(noticeId).flatMap(n -> campaigns.find(n.campaignCode()).map(c -> new InboxSubject(c.name(), c.from() + " – " + c.to())))
          .orElse(null);
    }
    return null;
  }

  @Override
  public Map<String, Object> addTo(UserTask task, Model model) {
    Map<String, Object> vars = new HashMap<>();
    Long planId = task.subjectId(WeeklyPlans.SUBJECT);
    if (planId != null) {
      WeeklyPlan p = plans.find(planId).orElse(null);
      if (p == null) {
        return null;
      }
      model.addAttribute("subjectLine", name(p.employeeId()) + " · " + p.week());
      vars.put("planId", p.id());
      vars.put("employeeId", p.employeeId());
      vars.put("week", p.week());
      vars.put("averageCompletion", p.averageCompletion() == null ? null : p.averageCompletion().toPlainString());
      return vars;
    }
    Long noticeId = task.subjectId(CampaignNotices.SUBJECT);
    if (noticeId != null) {
      CampaignNotices.Notice n = notices.find(noticeId).orElse(null);
      Campaigns.Campaign c = n == null ? null : campaigns.find(n.campaignCode()).orElse(null);
      if (c == null) {
        return null;
      }
      model.addAttribute("subjectLine", c.name() + " · " + c.from() + " – " + c.to());
      vars.put("noticeId", n.id());
      vars.put("buyerId", n.buyerId());
      vars.put("summary", notices.summary(n, c).in(Msg.currentLocale()));
      return vars;
    }
    return null;
  }

  private String name(String employeeId) {
    return organisation.find(employeeId).map(Employee::name).orElse(employeeId);
  }
}
