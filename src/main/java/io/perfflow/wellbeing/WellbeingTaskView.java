package io.perfflow.wellbeing;

import io.perfflow.org.Organisation;
import io.perfflow.tasks.UserTask;
import io.perfflow.web.TaskSubjectView;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A wellbeing task in the inbox and on the task page. An intervention task shows its own step
 * (title and target) and nothing else of the case; the interview (HR's) shows who and which round.
 */
@Component
class WellbeingTaskView implements TaskSubjectView {
  private final WellbeingCases cases;
  private final Organisation organisation;

  WellbeingTaskView(WellbeingCases cases, Organisation organisation) {
    this.cases = cases;
    this.organisation = organisation;
  }

  @Override
  public InboxSubject inboxRow(UserTask task) {
    Long id = task.subjectId(WellbeingProcesses.CASE);
    return id == null ? null : cases.find(id).map(c -> new InboxSubject(name(c.employeeId()), "wellbeing")).orElse(null);
  }

  @Override
  public Map<String, Object> addTo(UserTask task, Model model) {
    Long id = task.subjectId(WellbeingProcesses.CASE);
    WellbeingCase c = id == null ? null : cases.find(id).orElse(null);
    if (c == null) {
      return null;
    }
    Map<String, Object> vars = new HashMap<>();
    model.addAttribute("subjectLine", name(c.employeeId()) + " · wellbeing (confidential)");
    if (WellbeingCases.INTERVIEW_TASK.equals(task.elementId())) {
      vars.put(WellbeingProcesses.CASE_VARIABLE, c.id());
      vars.put("employeeName", name(c.employeeId()));
      vars.put("managerName", c.managerId() == null ? "" : name(c.managerId()));
      vars.put("round", c.round());
      vars.put("secondRound", c.round() > 1 ? "yes" : null);
    } else {
      cases.stepOfTask(task.key()).ifPresent(s -> {
        vars.put("step", s.forTask());
        // The form's text reads {{step.title}}; the page's templating looks names up as they are.
        s.forTask().forEach((k, v) -> vars.put("step." + k, v));
      });
    }
    return vars;
  }

  private String name(String employeeId) {
    return organisation.find(employeeId).map(e -> e.name()).orElse(employeeId);
  }
}
