package io.perfflow.wellbeing;

import io.perfflow.access.AccessPolicy;
import io.perfflow.web.EmployeeFlag;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** HR sees "wellbeing case open" on an employee's review while a case is open (no reason, no details). */
@Component
class WellbeingCaseFlag implements EmployeeFlag {
  static final String TEXT = "wellbeing case open";

  private final WellbeingCases cases;
  private final AccessPolicy access;

  WellbeingCaseFlag(WellbeingCases cases, AccessPolicy access) {
    this.cases = cases;
    this.access = access;
  }

  @Override
  public Optional<String> flagFor(String employeeId, String viewer) {
    if (viewer == null || viewer.equals(employeeId) || !access.isHr(viewer)) {
      return Optional.empty();
    }
    return cases.openCaseOf(employeeId).map(c -> TEXT);
  }
}
