package io.perfflow.plans;

import io.perfflow.access.SubjectOwner;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A weekly plan is its employee's; the weekly review decides about it (nobody reviews their own plan). */
@Component
class PlanOwner implements SubjectOwner {
  private final WeeklyPlans plans;

  PlanOwner(WeeklyPlans plans) {
    this.plans = plans;
  }

  @Override
  public String subjectType() {
    return WeeklyPlans.SUBJECT;
  }

  @Override
  public io.perfflow.Localizable noun() {
    return io.perfflow.Msg.of("plans.noun");
  }

  @Override
  public Set<String> decidingTasks() {
    return Set.of(PlanProcesses.WEEKLY_REVIEW_TASK);
  }

  @Override
  public Optional<String> ownerOf(long subjectId) {
    return plans.find(subjectId).map(WeeklyPlan::employeeId);
  }
}
