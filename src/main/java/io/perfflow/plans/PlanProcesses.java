package io.perfflow.plans;

import io.perfflow.audit.Subject;
import io.perfflow.tasks.SubjectKind;
import io.perfflow.web.NavLink;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The weekly-plan family's process and subject, and what it registers with the generic packages:
 * the inbox's subject kinds (the weekly-review tasks are about a plan, variable {@code planId},
 * so {@code GET /api/tasks?planId=} filters them; the campaign-notice acknowledgements about a
 * notice, {@code noticeId}) and the navigation link to the plans page. Its owner rule is {@link PlanOwner}, its task
 * lifecycle {@link PlanTaskLifecycle}.
 */
@Configuration(proxyBeanMethods = false)
public class PlanProcesses {
  public static final String WEEKLY_PLAN = "weekly-plan";
  public static final String WEEKLY_REVIEW_TASK = "weekly-review";
  public static final String CAMPAIGN_NOTICE = "campaign-notice";
  /** The buyer's acknowledgement tasks of the campaign-notice process (saved, started). */
  public static final Set<String> ACKNOWLEDGE_TASKS = Set.of("acknowledge-saved-notice", "acknowledge-start-notice");

  public static Subject plan(long planId) {
    return new Subject(WeeklyPlans.SUBJECT, planId);
  }

  @Bean
  SubjectKind weeklyPlanSubjectKind() {
    return new SubjectKind(WeeklyPlans.SUBJECT, "planId", Set.of(WEEKLY_PLAN));
  }

  /** The campaign-notice tasks are about a notice (variable {@code noticeId}): {@code GET /api/tasks?noticeId=}. */
  @Bean
  SubjectKind campaignNoticeSubjectKind() {
    return new SubjectKind(CampaignNotices.SUBJECT, "noticeId", Set.of(CAMPAIGN_NOTICE));
  }

  @Bean
  NavLink plansNavLink() {
    return new NavLink(35, "plans.nav.plans", "/plans", "plans");
  }
}
