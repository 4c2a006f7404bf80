package io.perfflow.wellbeing;

import io.perfflow.access.SubjectOwner;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A wellbeing case is about its employee; HR's interview and HR's steps decide about them. */
@Component
class WellbeingOwner implements SubjectOwner {
  private final WellbeingCases cases;

  WellbeingOwner(WellbeingCases cases) {
    this.cases = cases;
  }

  @Override
  public String subjectType() {
    return WellbeingProcesses.CASE;
  }

  @Override
  public io.perfflow.Localizable noun() {
    return io.perfflow.Msg.of("wellbeing.noun");
  }

  @Override
  public Set<String> decidingTasks() {
    return Set.of("stress-interview", "stress-step-hr", "stress-step-manager");
  }

  @Override
  public Optional<String> ownerOf(long subjectId) {
    return cases.find(subjectId).map(WellbeingCase::employeeId);
  }
}
