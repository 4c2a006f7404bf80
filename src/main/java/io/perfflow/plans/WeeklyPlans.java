package io.perfflow.plans;

import io.perfflow.ConflictException;
import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.NotFoundException;
import io.perfflow.Numbers;
import io.perfflow.Periods;
import io.perfflow.Texts;
import io.perfflow.audit.AuditLog;
import io.perfflow.metrics.CollectedMetric;
import io.perfflow.metrics.MetricCollector;
import io.perfflow.metrics.MetricWindow;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly plans: written by the employee for the current ISO week, every item linked to a KPI of
 * the scorecard profile that applies to them in the week's month; the baseline is the KPI metric
 * over the previous week, read from the metric sources (queries and weekly imports). Progress is
 * read from the same sources over the days of the week so far, compared with the same days of the
 * previous week (so counts and rates compare like with like); at the end of the week it is the
 * whole week against the stored baseline.
 */
@Service
public class WeeklyPlans {
  public static final String SUBJECT = "weekly-plan";
  static final int MAX_ITEMS = 10;
  static final int MAX_TITLE = 200;
  private static final BigDecimal MAX_CHANGE = new BigDecimal("1000000");

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final Scorecards scorecards;
  private final MetricCollector metrics;
  private final AuditLog audit;

  public WeeklyPlans(JdbcClient jdbc, Organisation organisation, Scorecards scorecards, MetricCollector metrics, AuditLog audit) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.scorecards = scorecards;
    this.metrics = metrics;
    this.audit = audit;
  }

  public record NewItem(String title, String kpi, PlanGoal goal, BigDecimal targetChange, ChangeUnit unit) {}

  public record NewPlan(String week, List<NewItem> items) {}

  /** An item as of a day: the metric over the week so far against the same days of the previous week. */
  public record ItemProgress(
      PlanItem item, BigDecimal current, BigDecimal comparedTo, BigDecimal progress, BigDecimal expectedProgress,
      BigDecimal completion, boolean capped, String note) {}

  /** A plan as of a day ({@code daysElapsed} of 7 complete days of its week). */
  public record PlanProgress(WeeklyPlan plan, LocalDate asOf, int daysElapsed, List<ItemProgress> items) {}

  // --- settings -------------------------------------------------------------------------------

  public BigDecimal setting(String name) {
    return jdbc.sql("SELECT value FROM plan_setting WHERE name = ?").param(name).query(BigDecimal.class).optional()
        .orElseThrow(() -> new IllegalStateException("plan_setting '" + name + "' is missing"));
  }

  public BigDecimal completionCap() {
    return setting("completion_cap");
  }

  public BigDecimal laggingMargin() {
    return setting("lagging_margin");
  }

  // --- writing a plan -------------------------------------------------------------------------

  /** The employee's plan for the current week ({@code today}: the engine clock's date in the company time zone). */
  @Transactional
  public WeeklyPlan create(String employeeId, NewPlan request, LocalDate today) {
    if (request == null) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("plans.error.body"));
    }
    LocalDate monday = Periods.parseWeek("week", request.week());
    String currentWeek = Periods.weekOf(today);
    if (!request.week().equals(currentWeek)) {
      throw new InvalidInputException("week", io.perfflow.Msg.of("plans.error.currentWeek", currentWeek, request.week()));
    }
    List<NewItem> items = request.items();
    if (items == null || items.isEmpty()) {
      throw new InvalidInputException("items", io.perfflow.Msg.of("plans.error.itemsEmpty"));
    }
    if (items.size() > MAX_ITEMS) {
      throw new InvalidInputException("items", io.perfflow.Msg.of("plans.error.tooManyItems", MAX_ITEMS, items.size()));
    }
    Employee employee = organisation.find(employeeId)
        .orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noEmployee", employeeId)));
    String profileName = scorecards.selectProfile(employee.role(), employee.storeId(), employee.hiredOn(), Periods.monthOfWeek(request.week()));
    WeightProfile profile = scorecards.find(employee.role(), profileName)
        .orElseThrow(() -> new InvalidInputException("employee", io.perfflow.Msg.of("plans.error.noScorecard", employeeId)));
    Map<String, Kpi> kpis = profile.kpis().stream().collect(Collectors.toMap(Kpi::code, k -> k, (a, b) -> a, LinkedHashMap::new));

    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      NewItem item = items.get(i);
      String at = "items[" + i + "]";
      if (item == null) {
        errors.add(new FieldError(at, io.perfflow.Msg.of("errors.required")));
        continue;
      }
      if (item.title() == null || item.title().isBlank()) {
        errors.add(new FieldError(at + ".title", io.perfflow.Msg.of("errors.required")));
      } else if (item.title().length() > MAX_TITLE) {
        errors.add(new FieldError(at + ".title", io.perfflow.Msg.of("plans.error.titleLong", item.title().length(), MAX_TITLE)));
      }
      if (item.kpi() == null || item.kpi().isBlank()) {
        errors.add(new FieldError(at + ".kpi", io.perfflow.Msg.of("plans.error.kpiRequired", kpis.keySet())));
      } else if (!kpis.containsKey(item.kpi())) {
        errors.add(new FieldError(at + ".kpi", io.perfflow.Msg.of("plans.error.notAKpi", Texts.excerpt(item.kpi()), employee.role() + "/" + profileName,
            employeeId, request.week(), kpis.keySet())));
      }
      if (item.goal() == null) {
        errors.add(new FieldError(at + ".goal", io.perfflow.Msg.of("plans.error.goal")));
      }
      if (item.unit() == null) {
        errors.add(new FieldError(at + ".unit", io.perfflow.Msg.of("plans.error.unit")));
      }
      Optional<io.perfflow.Msg> range = Numbers.problem(item.targetChange(), MAX_CHANGE.negate(), MAX_CHANGE, 4);
      if (range.isPresent()) {
        errors.add(new FieldError(at + ".targetChange", range.get()));
      } else if (item.goal() != null) {
        io.perfflow.Msg problem = PlanCompletion.targetProblem(item.goal(), item.targetChange());
        if (problem != null) {
          errors.add(new FieldError(at + ".targetChange", problem));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }

    // Baselines: each linked KPI's metric over the previous week.
    String previousWeek = Periods.weekOf(monday.minusDays(7));
    Set<String> metricCodes = new LinkedHashSet<>();
    items.forEach(i -> metricCodes.add(kpis.get(i.kpi()).metric()));
    Map<String, CollectedMetric> baselines = metrics.collect(List.of(employeeId), MetricWindow.week(previousWeek), metricCodes)
        .stream().collect(Collectors.toMap(CollectedMetric::metric, c -> c));
    for (int i = 0; i < items.size(); i++) {
      NewItem item = items.get(i);
      String metric = kpis.get(item.kpi()).metric();
      CollectedMetric baseline = baselines.get(metric);
      if (baseline == null) {
        errors.add(new FieldError("items[" + i + "].kpi", io.perfflow.Msg.of("plans.error.noBaseline", item.kpi(), metric, previousWeek)));
      } else if (item.unit() == ChangeUnit.PERCENT && baseline.value().signum() == 0) {
        errors.add(new FieldError("items[" + i + "].unit", io.perfflow.Msg.of("plans.error.zeroBaseline", item.kpi(), previousWeek)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (jdbc.sql("SELECT count(*) FROM weekly_plan WHERE employee_id = ? AND week = ?").params(employeeId, request.week())
        .query(Long.class).single() > 0) {
      throw new ConflictException(io.perfflow.Msg.of("plans.error.planExists", employeeId, request.week()));
    }
    long id = jdbc.sql("""
            INSERT INTO weekly_plan (employee_id, week, role, profile, status) VALUES (?, ?, ?, ?, 'OPEN')
            ON CONFLICT (employee_id, week) DO NOTHING RETURNING id""")
        .params(employeeId, request.week(), employee.role(), profileName)
        .query(Long.class).optional()
        .orElseThrow(() -> new ConflictException(io.perfflow.Msg.of("plans.error.planExists", employeeId, request.week())));
    List<Map<String, Object>> audited = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      NewItem item = items.get(i);
      Kpi kpi = kpis.get(item.kpi());
      CollectedMetric baseline = baselines.get(kpi.metric());
      jdbc.sql("""
              INSERT INTO weekly_plan_item (plan_id, position, title, kpi, metric, goal, unit, target_change, baseline, baseline_source)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, i, item.title().strip(), kpi.code(), kpi.metric(), item.goal().name(), item.unit().name(),
              item.targetChange(), baseline.value(), baseline.source())
          .update();
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("title", item.title().strip());
      line.put("kpi", kpi.code());
      line.put("goal", item.goal().name());
      line.put("unit", item.unit().name());
      line.put("targetChange", item.targetChange());
      line.put("baseline", baseline.value());
      line.put("baselineSource", baseline.source());
      audited.add(line);
    }
    audit.append(employeeId, "PLAN_CREATED", new io.perfflow.audit.Subject(SUBJECT, id),
        Map.of("employeeId", employeeId, "week", request.week(), "baselineWeek", previousWeek, "items", audited));
    return get(id);
  }

  // --- reading --------------------------------------------------------------------------------

  public Optional<WeeklyPlan> find(long id) {
    Optional<WeeklyPlan> plan = jdbc.sql("SELECT * FROM weekly_plan WHERE id = ?").param(id).query(this::plan).optional();
    return plan.map(p -> withItems(p, items(p.id())));
  }

  public WeeklyPlan get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noPlan", id)));
  }

  /** Plans by employee and/or week (either may be null), newest week first. */
  public List<WeeklyPlan> list(String employeeId, String week) {
    List<WeeklyPlan> plans = jdbc.sql("""
            SELECT * FROM weekly_plan
            WHERE (CAST(:employee AS text) IS NULL OR employee_id = :employee) AND (CAST(:week AS text) IS NULL OR week = :week)
            ORDER BY week DESC, employee_id""")
        .param("employee", employeeId).param("week", week)
        .query(this::plan).list();
    return plans.stream().map(p -> withItems(p, items(p.id()))).toList();
  }

  public List<WeeklyPlan> ofWeek(String week, PlanStatus status) {
    return list(null, week).stream().filter(p -> status == null || p.status() == status).toList();
  }

  /**
   * Where each item is on {@code today} (engine date): the metric over the week's complete days so
   * far against the same days of the previous week; from the week's end, the whole week against
   * the stored baseline; a closed plan shows its stored results.
   */
  public PlanProgress progress(WeeklyPlan plan, LocalDate today) {
    LocalDate monday = Periods.mondayOf(plan.week());
    int days = (int) Math.max(0, Math.min(7, ChronoUnit.DAYS.between(monday, today)));
    return progressAfter(plan, days);
  }

  /** The plan after {@code days} complete days of its week (0..7). */
  public PlanProgress progressAfter(WeeklyPlan plan, int days) {
    LocalDate monday = Periods.mondayOf(plan.week());
    BigDecimal cap = completionCap();
    List<ItemProgress> out = new ArrayList<>();
    if (plan.closedAt() != null) {
      for (PlanItem item : plan.items()) {
        out.add(new ItemProgress(item, item.finalValue(), item.baseline(), item.finalChange(),
            item.targetChange(), item.completion(), false, item.finalValue() == null ? "no value for " + plan.week() : null));
      }
      return new PlanProgress(plan, monday.plusDays(7), 7, out);
    }
    if (days == 0) {
      for (PlanItem item : plan.items()) {
        out.add(new ItemProgress(item, null, null, null, BigDecimal.ZERO.setScale(4), null, false, "the week has no complete day yet"));
      }
      return new PlanProgress(plan, monday, 0, out);
    }
    Set<String> codes = plan.items().stream().map(PlanItem::metric).collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, BigDecimal> current = values(plan.employeeId(), new MetricWindow(monday, monday.plusDays(days)), codes);
    Map<String, BigDecimal> before = days == 7 ? null
        : values(plan.employeeId(), new MetricWindow(monday.minusDays(7), monday.minusDays(7 - days)), codes);
    for (PlanItem item : plan.items()) {
      BigDecimal now = current.get(item.metric());
      BigDecimal compared = days == 7 ? item.baseline() : before.get(item.metric());
      BigDecimal expected = PlanCompletion.expectedProgress(item.targetChange(), days);
      if (now == null || compared == null) {
        out.add(new ItemProgress(item, now, compared, null, expected, null, false,
            "no value of " + item.metric() + " for " + (now == null ? "the days of " + plan.week() + " so far" : "the same days of the week before")));
        continue;
      }
      if (item.unit() == ChangeUnit.PERCENT && compared.signum() == 0) {
        out.add(new ItemProgress(item, now, compared, null, expected, null, false, "a PERCENT change of 0 is undefined"));
        continue;
      }
      PlanCompletion.Completion c =
          PlanCompletion.completion(item.goal(), item.unit(), item.targetChange(), compared, now, cap);
      out.add(new ItemProgress(item, now, compared, c.change(), expected, c.percent(), c.capped(), null));
    }
    return new PlanProgress(plan, monday.plusDays(days), days, out);
  }

  private Map<String, BigDecimal> values(String employeeId, MetricWindow window, Set<String> codes) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    for (CollectedMetric m : metrics.collect(List.of(employeeId), window, codes)) {
      values.put(m.metric(), m.value());
    }
    return values;
  }

  // --- rows -----------------------------------------------------------------------------------

  private List<PlanItem> items(long planId) {
    return jdbc.sql("SELECT * FROM weekly_plan_item WHERE plan_id = ? ORDER BY position").param(planId)
        .query((rs, n) -> new PlanItem(
            rs.getInt("position"), rs.getString("title"), rs.getString("kpi"), rs.getString("metric"),
            PlanGoal.valueOf(rs.getString("goal")), ChangeUnit.valueOf(rs.getString("unit")),
            rs.getBigDecimal("target_change"), rs.getBigDecimal("baseline"), rs.getString("baseline_source"),
            (Boolean) rs.getObject("lagging"), rs.getBigDecimal("final_value"), rs.getBigDecimal("final_change"),
            rs.getBigDecimal("completion")))
        .list();
  }

  private WeeklyPlan plan(ResultSet rs, int n) throws SQLException {
    return new WeeklyPlan(
        rs.getLong("id"), rs.getString("employee_id"), rs.getString("week"), rs.getString("role"), rs.getString("profile"),
        PlanStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "lagging_checked_at"),
        instant(rs, "closed_at"), rs.getBigDecimal("average_completion"), rs.getString("reviewed_by"),
        instant(rs, "reviewed_at"), rs.getString("review_comment"), List.of());
  }

  private static WeeklyPlan withItems(WeeklyPlan p, List<PlanItem> items) {
    return new WeeklyPlan(p.id(), p.employeeId(), p.week(), p.role(), p.profile(), p.status(), p.createdAt(),
        p.laggingCheckedAt(), p.closedAt(), p.averageCompletion(), p.reviewedBy(), p.reviewedAt(), p.reviewComment(),
        List.copyOf(items));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
