package io.perfflow.cs;

import io.perfflow.access.AccessPolicy;
import io.perfflow.org.Organisation;
import io.perfflow.web.EmployeeSection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The employee's recognitions ("conversion #1 on 2026-10-14", with the reward) on their pages,
 * for whoever may read the employee (as {@code GET /api/employees/{id}/recognitions}); shown for
 * customer-service agents and for anyone who has been recognised.
 */
@Component
class CsRecognitionSection implements EmployeeSection {
  static final String CS_ROLE = "customer-service";

  private final DailyFeedback daily;
  private final Organisation organisation;
  private final AccessPolicy access;

  CsRecognitionSection(DailyFeedback daily, Organisation organisation, AccessPolicy access) {
    this.daily = daily;
    this.organisation = organisation;
    this.access = access;
  }

  @Override
  public Optional<Shown> sectionFor(String employeeId, String viewer) {
    var employee = organisation.find(employeeId).orElse(null);
    if (employee == null || !access.canReadEmployee(viewer, employee)) {
      return Optional.empty();
    }
    List<Map<String, Object>> recognitions = daily.recognitionsOf(employeeId);
    if (recognitions.isEmpty() && !CS_ROLE.equals(employee.role())) {
      return Optional.empty();
    }
    return Optional.of(new Shown("cs-recognitions", recognitions));
  }
}
