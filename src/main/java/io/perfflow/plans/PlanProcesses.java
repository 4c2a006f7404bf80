package io.perfflow.plans;

import io.perfflow.audit.Subject;
import io.perfflow.tasks.SubjectKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The weekly-plan family's process and subject, and what it registers with the generic packages:
 * the inbox's subject kind (the weekly-review tasks are about a plan, variable {@code planId},
 * so {@code GET /api/tasks?planId=} filters them). Its owner rule is {@link PlanOwner}, its task
 * lifecycle {@link PlanTaskLifecycle}.
 */
@Configuration(proxyBeanMethods = false)
public class PlanProcesses {
  public static final String WEEKLY_PLAN = "weekly-plan";
  public static final String WEEKLY_REVIEW_TASK = "weekly-review";

  public static Subject plan(long planId) {
    return new Subject(WeeklyPlans.SUBJECT, planId);
  }

  @Bean
  SubjectKind weeklyPlanSubjectKind() {
    return new SubjectKind(WeeklyPlans.SUBJECT, "planId", Set.of(WEEKLY_PLAN));
  }
}
