package io.perfflow.plans;

import io.perfflow.audit.Subject;
import io.perfflow.tasks.SubjectKind;
import io.perfflow.web.NavLink;
import io.perfflow.CompanyTime;
import io.perfflow.engine.ModelSetting;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
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

  /**
   * The weekly-plan instance starts on Monday 00:00 in the company time zone. A timer start event
   * cannot read variables (and a cron expression would be read in the engine's JVM zone), so the
   * time cycle is written at deployment: {@code R/<next Monday 00:00 with its offset>/P7D}. In a
   * zone with daylight saving the offset is the smaller of the zone's two, so the week starts at
   * 00:00, or 01:00 in the half of the year with the other offset, never on Sunday evening.
   */
  @Bean
  ModelSetting weeklyPlanStart(CompanyTime companyTime) {
    return new ModelSetting(WEEKLY_PLAN_FILE, WEEK_STARTED_TIMER, weekStartCycle(companyTime, Instant.now()));
  }

  static final String WEEKLY_PLAN_FILE = "weekly-plan.bpmn";
  static final String WEEK_STARTED_TIMER = "week-started-definition";

  /** {@code R/<the first Monday 00:00 (company time) after now>/P7D}. */
  static String weekStartCycle(CompanyTime companyTime, Instant now) {
    LocalDate monday = companyTime.today(now).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    ZoneOffset first = companyTime.zone().getRules().getOffset(companyTime.startOf(monday));
    ZoneOffset later = companyTime.zone().getRules().getOffset(companyTime.startOf(monday.plusWeeks(26)));
    ZoneOffset offset = first.getTotalSeconds() <= later.getTotalSeconds() ? first : later;
    return "R/" + monday.atStartOfDay().atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P7D";
  }

  @Bean
  NavLink plansNavLink() {
    return new NavLink(35, "plans.nav.plans", "/plans", "plans");
  }
}
