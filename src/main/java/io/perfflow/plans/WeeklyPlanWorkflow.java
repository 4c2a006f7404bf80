package io.perfflow.plans;

import io.perfflow.NotFoundException;
import io.perfflow.Periods;
import io.perfflow.audit.AuditLog;
import io.perfflow.audit.Subject;
import io.perfflow.mail.MailContext;
import io.perfflow.mail.Mailer;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the {@code weekly-plan} process, one instance per ISO week (times in the company
 * time zone, {@code perfflow.company.time-zone}; engine time): Monday at the reminder time ({@code perfflow.plans.reminder-time}, default 12:00) a
 * reminder to everyone with a scorecard who has no plan for the week; Wednesday end of day (Thursday
 * 00:00) the lagging check; Sunday end of day (next Monday 00:00) the week is closed, completions
 * stored and each plan goes to the lead's weekly review. Every step is idempotent: a redelivered
 * job sends no second mail (dedupe keys per week and person or plan) and writes nothing twice.
 */
@Service
public class WeeklyPlanWorkflow {
  /** Days of the week complete at the mid-week check (Monday to Wednesday). */
  public static final int MIDWEEK_DAYS = 3;

  private final JdbcClient jdbc;
  private final WeeklyPlans plans;
  private final Organisation organisation;
  private final Mailer mailer;
  private final AuditLog audit;
  private final LocalTime reminderTime;
  private final String baseUrl;
  private final io.perfflow.CompanyTime companyTime;

  public WeeklyPlanWorkflow(
      JdbcClient jdbc, WeeklyPlans plans, Organisation organisation, Mailer mailer, AuditLog audit,
      @Value("${perfflow.plans.reminder-time:12:00}") String reminderTime, @Value("${perfflow.base-url}") String baseUrl,
      io.perfflow.CompanyTime companyTime) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.organisation = organisation;
    this.mailer = mailer;
    this.audit = audit;
    try {
      this.reminderTime = LocalTime.parse(reminderTime.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("perfflow.plans.reminder-time must be a time of day HH:MM (company time), got '" + reminderTime + "'", e);
    }
    this.baseUrl = baseUrl;
    this.companyTime = companyTime;
  }

  /** A week's timetable (ISO instants), and whether another instance handles the week already. */
  public record WeekSchedule(String week, String reminderAt, String midweekAt, String weekEndAt, boolean alreadyOpen) {}

  /** One plan for the lead's weekly review. */
  public record ReviewItem(long planId, String employeeId, String managerId, String week, String averageCompletion) {}

  /** The week of {@code at}, claimed for {@code processInstanceKey} (a redelivered job finds its own claim). */
  @Transactional
  public WeekSchedule openWeek(Instant at, long processInstanceKey) {
    String week = companyTime.week(at);
    jdbc.sql("INSERT INTO plan_week (week, process_instance_key, opened_at) VALUES (?, ?, ?) ON CONFLICT (week) DO NOTHING")
        .params(week, processInstanceKey, java.sql.Timestamp.from(at)).update();
    long owner = jdbc.sql("SELECT process_instance_key FROM plan_week WHERE week = ?").param(week).query(Long.class).single();
    if (owner == processInstanceKey) {
      audit.append(AuditLog.SYSTEM, "PLAN_WEEK_OPENED", null, Map.of("week", week, "processInstanceKey", processInstanceKey),
          "plan-week-opened:" + week);
    }
    return timetable(week, reminderTime, companyTime, owner != processInstanceKey);
  }

  /**
   * A week's timetable in the company time zone: Monday at the reminder time, Thursday 00:00 (the
   * mid-week check) and the next Monday 00:00 (the end of the week).
   */
  static WeekSchedule timetable(String week, LocalTime reminderTime, io.perfflow.CompanyTime companyTime, boolean alreadyOpen) {
    LocalDate monday = Periods.mondayOf(week);
    return new WeekSchedule(week,
        companyTime.instant(monday, reminderTime).toString(),
        companyTime.startOf(monday.plusDays(MIDWEEK_DAYS)).toString(),
        companyTime.startOf(monday.plusDays(7)).toString(),
        alreadyOpen);
  }

  /**
   * Everyone active with a scorecard (their role has one) and hired by the week's Sunday who has no
   * plan for the week gets one reminder. Returns how many were reminded (now or by an earlier attempt).
   */
  public int remindMissing(String week) {
    LocalDate monday = Periods.mondayOf(week);
    List<String> missing = jdbc.sql("""
            SELECT e.id FROM employee e
            WHERE e.active AND e.hired_on <= ?
              AND EXISTS (SELECT 1 FROM scorecard_profile s WHERE s.role = e.role)
              AND NOT EXISTS (SELECT 1 FROM weekly_plan p WHERE p.employee_id = e.id AND p.week = ?)
            ORDER BY e.id""")
        .params(monday.plusDays(6), week).query(String.class).list();
    for (String id : missing) {
      Employee e = organisation.get(id);
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("employeeName", e.name());
      values.put("week", week);
      values.put("from", monday.toString());
      values.put("to", monday.plusDays(6).toString());
      values.put("baseUrl", baseUrl);
      mailer.send("plan-reminder", List.of(e.email()),
          new MailContext(null, values, Map.of("employeeId", id, "week", week)), "plan-reminder:" + week + ":" + id);
    }
    jdbc.sql("UPDATE plan_week SET reminded_at = coalesce(reminded_at, now()), reminded_count = ? WHERE week = ?")
        .params(missing.size(), week).update();
    return missing.size();
  }

  /**
   * Wednesday end of day: each open plan's items against the expected linear progress after three
   * of seven days; an item below {@code lagging_margin} % of it lags, and the employee and their
   * lead get one mail per plan naming the lagging items. Items without data are not judged.
   * Returns the number of plans with a lagging item.
   */
  public int checkLagging(String week) {
    BigDecimal margin = plans.laggingMargin();
    int laggingPlans = 0;
    for (WeeklyPlan plan : plans.ofWeek(week, PlanStatus.OPEN)) {
      WeeklyPlans.PlanProgress progress = plans.progressAfter(plan, MIDWEEK_DAYS);
      List<String> lines = new ArrayList<>();
      for (WeeklyPlans.ItemProgress ip : progress.items()) {
        PlanItem item = ip.item();
        Boolean lagging = ip.progress() == null ? null
            : PlanCompletion.lagging(ip.progress(), item.targetChange(), MIDWEEK_DAYS, margin);
        jdbc.sql("UPDATE weekly_plan_item SET lagging = ? WHERE plan_id = ? AND position = ?")
            .params(lagging, plan.id(), item.position()).update();
        if (Boolean.TRUE.equals(lagging)) {
          lines.add("- " + item.title() + ": lagging: " + item.kpi() + " " + signed(ip.progress(), item.unit()) + " of "
              + signed(item.targetChange(), item.unit()) + " (expected " + signed(ip.expectedProgress(), item.unit())
              + " by Wednesday, margin " + margin.stripTrailingZeros().toPlainString() + " %)");
        }
      }
      jdbc.sql("UPDATE weekly_plan SET lagging_checked_at = coalesce(lagging_checked_at, now()) WHERE id = ?").param(plan.id()).update();
      if (lines.isEmpty()) {
        continue;
      }
      laggingPlans++;
      Employee e = organisation.get(plan.employeeId());
      List<String> to = new ArrayList<>(List.of(e.email()));
      Optional.ofNullable(e.managerId()).flatMap(organisation::find).map(Employee::email).filter(m -> !to.contains(m)).ifPresent(to::add);
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("employeeName", e.name());
      values.put("week", week);
      values.put("planId", plan.id());
      values.put("laggingItems", String.join("\n", lines));
      values.put("baseUrl", baseUrl);
      mailer.send("plan-lagging", to, new MailContext(new Subject(WeeklyPlans.SUBJECT, plan.id()), values,
          Map.of("employeeId", plan.employeeId(), "week", week, "laggingItems", lines)), "plan-lagging:" + plan.id());
    }
    jdbc.sql("UPDATE plan_week SET lagging_checked_at = coalesce(lagging_checked_at, now()), lagging_count = ? WHERE week = ?")
        .params(laggingPlans, week).update();
    return laggingPlans;
  }

  /**
   * The week is over: every open plan's items get their final value (the metric over the whole
   * week), change and completion against the stored baseline; the plan's average completion is
   * the mean of its items' completions (items without data have none and are left out); the plan
   * waits for the weekly review. Returns every plan of the week waiting for review whose employee
   * has a manager (the reviewer).
   */
  @Transactional
  public List<ReviewItem> closeWeek(String week, Instant at) {
    for (WeeklyPlan plan : plans.ofWeek(week, PlanStatus.OPEN)) {
      WeeklyPlans.PlanProgress progress = plans.progressAfter(plan, 7);
      BigDecimal sum = BigDecimal.ZERO;
      int counted = 0;
      List<Map<String, Object>> results = new ArrayList<>();
      for (WeeklyPlans.ItemProgress ip : progress.items()) {
        jdbc.sql("UPDATE weekly_plan_item SET final_value = ?, final_change = ?, completion = ? WHERE plan_id = ? AND position = ?")
            .params(ip.current(), ip.progress(), ip.completion(), plan.id(), ip.item().position()).update();
        if (ip.completion() != null) {
          sum = sum.add(ip.completion());
          counted++;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kpi", ip.item().kpi());
        r.put("finalValue", ip.current());
        r.put("change", ip.progress());
        r.put("completion", ip.completion());
        results.add(r);
      }
      BigDecimal average = counted == 0 ? null : sum.divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP);
      jdbc.sql("UPDATE weekly_plan SET status = 'AWAITING_REVIEW', closed_at = ?, average_completion = ? WHERE id = ? AND status = 'OPEN'")
          .params(java.sql.Timestamp.from(at), average, plan.id()).update();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("week", week);
      details.put("averageCompletion", average);
      details.put("items", results);
      audit.append(AuditLog.SYSTEM, "PLAN_CLOSED", new Subject(WeeklyPlans.SUBJECT, plan.id()), details, "plan-closed:" + plan.id());
    }
    jdbc.sql("UPDATE plan_week SET closed_at = coalesce(closed_at, ?) WHERE week = ?").params(java.sql.Timestamp.from(at), week).update();
    List<ReviewItem> reviews = new ArrayList<>();
    for (WeeklyPlan plan : plans.ofWeek(week, PlanStatus.AWAITING_REVIEW)) {
      // The lead reviews; someone without a manager has nobody to review their week (not built: an HR fallback).
      organisation.find(plan.employeeId()).map(Employee::managerId)
          .ifPresent(manager -> reviews.add(new ReviewItem(plan.id(), plan.employeeId(), manager, week,
              plan.averageCompletion() == null ? "none" : plan.averageCompletion().toPlainString())));
    }
    return reviews;
  }

  /** The reviewer, set when the weekly-review task completes (before its result is recorded). */
  void recordReviewer(long planId, String reviewer, Instant at) {
    jdbc.sql("UPDATE weekly_plan SET reviewed_by = ?, reviewed_at = ? WHERE id = ? AND status = 'AWAITING_REVIEW'")
        .params(reviewer, at == null ? null : java.sql.Timestamp.from(at), planId).update();
  }

  /** The lead's weekly review: accepted or not, with a comment; stored on the plan, audited once. */
  @Transactional
  public PlanStatus recordReview(long planId, boolean accepted, String comment, String dedupeKey) {
    WeeklyPlan plan = plans.find(planId).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noPlan", planId)));
    PlanStatus status = accepted ? PlanStatus.ACCEPTED : PlanStatus.NOT_ACCEPTED;
    if (plan.status() == PlanStatus.AWAITING_REVIEW) {
      String reviewer = plan.reviewedBy() != null ? plan.reviewedBy()
          : organisation.find(plan.employeeId()).map(Employee::managerId).orElse(null);
      jdbc.sql("""
              UPDATE weekly_plan SET status = ?, review_comment = ?, reviewed_by = ?, reviewed_at = coalesce(reviewed_at, now())
              WHERE id = ? AND status = 'AWAITING_REVIEW'""")
          .params(status.name(), comment == null || comment.isBlank() ? null : comment.strip(), reviewer, planId).update();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("accepted", accepted);
      details.put("comment", comment);
      details.put("reviewedBy", reviewer);
      details.put("averageCompletion", plan.averageCompletion());
      audit.append(Objects.requireNonNullElse(reviewer, AuditLog.SYSTEM), "PLAN_REVIEWED", new Subject(WeeklyPlans.SUBJECT, planId),
          details, dedupeKey);
      return status;
    }
    return plan.status();
  }

  static String signed(BigDecimal value, ChangeUnit unit) {
    if (value == null) {
      return "?";
    }
    BigDecimal v = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    if (v.scale() < 1) {
      v = v.setScale(1);
    }
    return (v.signum() > 0 ? "+" : "") + v.toPlainString() + (unit == ChangeUnit.PERCENT ? " %" : "");
  }
}
