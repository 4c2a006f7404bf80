package io.perfflow.wellbeing;

import io.perfflow.mail.MailContext;
import io.perfflow.mail.MailContextContributor;
import io.perfflow.org.Organisation;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A wellbeing case's mail context: who it is about and links, never the signals or notes (a mail
 * may be read by the manager, and mail is not a confidential channel).
 */
@Component
@Order(20)
class WellbeingMailContext implements MailContextContributor {
  private final WellbeingCases cases;
  private final Organisation organisation;

  WellbeingMailContext(WellbeingCases cases, Organisation organisation) {
    this.cases = cases;
    this.organisation = organisation;
  }

  @Override
  public MailContext contribute(Map<String, Object> variables, Map<String, Object> base) {
    if (!(variables.get(WellbeingProcesses.CASE_VARIABLE) instanceof Number id)) {
      return null;
    }
    WellbeingCase c = cases.get(id.longValue());
    Map<String, Object> context = new HashMap<>(base);
    context.put("caseId", c.id());
    context.put("round", c.round());
    context.put("employeeName", organisation.find(c.employeeId()).map(e -> e.name()).orElse(c.employeeId()));
    context.put("managerName", c.managerId() == null ? "-" : organisation.find(c.managerId()).map(e -> e.name()).orElse(c.managerId()));
    context.put("caseUrl", base.get("baseUrl") + "/wellbeing/cases/" + c.id());
    if (variables.get("step") instanceof Map<?, ?> step && step.get("title") != null) {
      context.put("stepTitle", step.get("title"));
    }
    return new MailContext(WellbeingProcesses.wellbeingCase(c.id()), context, Map.of("round", c.round()));
  }
}
