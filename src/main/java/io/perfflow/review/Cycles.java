package io.perfflow.review;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.ProcessLauncher;
import io.perfflow.metrics.CollectedMetric;
import io.perfflow.metrics.MetricCollector;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Review cycles: who is reviewed for a period, their reviews, and the cycle's close. */
@Service
public class Cycles {
  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final Scorecards scorecards;
  private final MetricCollector collector;
  private final AuditLog audit;
  private final ProcessLauncher launcher;
  private final TransactionTemplate tx;
  private final Reviews reviews;
  private final CycleReports reports;

  public Cycles(
      JdbcClient jdbc, Organisation organisation, Scorecards scorecards, MetricCollector collector,
      AuditLog audit, ProcessLauncher launcher, TransactionTemplate tx, Reviews reviews, CycleReports reports) {
    this.reports = reports;
    this.reviews = reviews;
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.scorecards = scorecards;
    this.collector = collector;
    this.audit = audit;
    this.launcher = launcher;
    this.tx = tx;
  }

  /** What the cycle process carries per review into its call activity. */
  public record ReviewRef(long reviewId, String employeeId, String managerId, String role) {}


  /** Opens a cycle and starts its process. Validates the period and the scope first. */
  public Cycle start(String period, List<String> roles, List<String> employeeIds, String actor) {
    YearMonth ym = parsePeriod(period);
    List<FieldError> errors = new ArrayList<>();
    List<String> known = scorecards.roles();
    for (String role : roles == null ? List.<String>of() : roles) {
      if (!known.contains(role)) errors.add(new FieldError("roles", io.perfflow.Msg.of("review.error.noScorecard", role)));
    }
    for (String id : employeeIds == null ? List.<String>of() : employeeIds) {
      if (!organisation.exists(id)) errors.add(new FieldError("employeeIds", io.perfflow.Msg.of("review.error.noEmployee", id)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (scope(roles, employeeIds, ym).isEmpty()) {
      throw new InvalidInputException("roles", io.perfflow.Msg.of("review.error.nobody"));
    }
    long id =
        tx.execute(
            status -> {
              long cycleId =
                  jdbc.sql(
                          """
                          INSERT INTO review_cycle (period, status, roles, employee_ids, started_by)
                          VALUES (?, 'RUNNING', ?, ?, ?) RETURNING id""")
                      .params(ym.toString(), array(roles), array(employeeIds), actor)
                      .query(Long.class)
                      .single();
              audit.append(actor, "CYCLE_STARTED", ReviewProcesses.cycle(cycleId),
                  Map.of("period", ym.toString(), "roles", roles == null ? List.of() : roles,
                      "employeeIds", employeeIds == null ? List.of() : employeeIds));
              return cycleId;
            });
    launch(id, ym.toString());
    return get(id);
  }

  private void launch(long cycleId, String period) {
    long key = launcher.start(ReviewProcesses.REVIEW_CYCLE, Map.of("cycleId", cycleId, "period", period));
    jdbc.sql("UPDATE review_cycle SET process_instance_key = ?, status = 'RUNNING', status_reason = NULL WHERE id = ?")
        .params(key, cycleId)
        .update();
  }

  /** Re-launches an interrupted cycle: its unfinished reviews start again, finished ones stay. */
  public Cycle restart(long cycleId, String actor) {
    Cycle cycle = get(cycleId);
    if (!Cycle.INTERRUPTED.equals(cycle.status())) {
      throw new InvalidInputException("status", io.perfflow.Msg.of("review.error.cycleNotInterrupted", cycleId, cycle.status()));
    }
    tx.executeWithoutResult(s -> {
      int reset =
          jdbc.sql(
                  """
                  UPDATE review SET status = 'CREATED', status_reason = NULL, process_instance_key = NULL, updated_at = now()
                  WHERE cycle_id = ? AND status = 'INTERRUPTED'""")
              .param(cycleId)
              .update();
      audit.append(actor, "CYCLE_RESTARTED", ReviewProcesses.cycle(cycleId), Map.of("period", cycle.period(), "reviewsRestarted", reset));
    });
    launch(cycleId, cycle.period());
    return get(cycleId);
  }

  /** Restarts one INTERRUPTED review as a process of its own (its cycle instance is gone). */
  public Review restartReview(long reviewId, String actor) {
    Review review = reviews.get(reviewId);
    if (review.status() != ReviewStatus.INTERRUPTED) {
      throw new InvalidInputException("status", io.perfflow.Msg.of("review.error.reviewNotInterrupted", reviewId, review.status()));
    }
    tx.executeWithoutResult(s -> {
      jdbc.sql("UPDATE review SET status = 'CREATED', status_reason = NULL, updated_at = now() WHERE id = ?").param(reviewId).update();
      audit.append(actor, "REVIEW_RESTARTED", ReviewProcesses.review(reviewId), Map.of("previousReason", String.valueOf(review.statusReason())));
    });
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("reviewId", reviewId);
    variables.put("employeeId", review.employeeId());
    variables.put("managerId", review.managerId());
    variables.put("role", review.role());
    long key = launcher.start(ReviewProcesses.PERFORMANCE_REVIEW, variables);
    jdbc.sql("UPDATE review SET process_instance_key = ? WHERE id = ?").params(key, reviewId).update();
    return reviews.get(reviewId);
  }

  /**
   * After a restart of the embedded engine every running instance is gone: mark what was in
   * flight INTERRUPTED with the reason, so HR can restart it. Business data stays as it was.
   */
  @Transactional
  public int interruptInFlight(String reason) {
    List<Long> cycleIds = jdbc.sql("SELECT id FROM review_cycle WHERE status = 'RUNNING'").query(Long.class).list();
    for (long id : cycleIds) {
      jdbc.sql("UPDATE review_cycle SET status = 'INTERRUPTED', status_reason = ? WHERE id = ?").params(reason, id).update();
      audit.append(ReviewWorkflow.SYSTEM, "CYCLE_INTERRUPTED", ReviewProcesses.cycle(id), Map.of("reason", reason));
    }
    List<Review> inFlight = reviews.inFlight();
    for (Review r : inFlight) {
      jdbc.sql("UPDATE review SET status = 'INTERRUPTED', status_reason = ?, updated_at = now() WHERE id = ?").params(reason, r.id()).update();
      audit.append(ReviewWorkflow.SYSTEM, "REVIEW_INTERRUPTED", ReviewProcesses.review(r.id()), Map.of("reason", reason, "wasStatus", r.status().name()));
    }
    return inFlight.size();
  }

  /**
   * Opens the cycle of the previous month for the monthly timer (all roles), attached to the
   * timer's process instance. Idempotent: a redelivered job of the same instance gets the cycle
   * it opened before, not a second one.
   */
  public Cycle openScheduled(YearMonth today, long processInstanceKey) {
    YearMonth period = today.minusMonths(1);
    long cycleId =
        tx.execute(
            s -> {
              java.util.Optional<Long> opened =
                  jdbc.sql("SELECT id FROM review_cycle WHERE process_instance_key = ? FOR UPDATE").param(processInstanceKey)
                      .query(Long.class).optional();
              if (opened.isPresent()) {
                return opened.get();
              }
              long id =
                  jdbc.sql("INSERT INTO review_cycle (period, status, started_by, process_instance_key) VALUES (?, 'RUNNING', 'scheduler', ?) RETURNING id")
                      .params(period.toString(), processInstanceKey)
                      .query(Long.class)
                      .single();
              audit.append("scheduler", "CYCLE_STARTED", ReviewProcesses.cycle(id), Map.of("period", period.toString(), "trigger", "monthly timer"));
              return id;
            });
    return get(cycleId);
  }

  public void attachProcessInstance(long cycleId, long processInstanceKey) {
    jdbc.sql("UPDATE review_cycle SET process_instance_key = ? WHERE id = ? AND process_instance_key IS NULL")
        .params(processInstanceKey, cycleId)
        .update();
  }

  /**
   * Snapshots who is reviewed and with which profile, creates their reviews with the scorecard
   * lines, and reads every metric of the cycle set-based (one query per metric for all
   * employees). Idempotent: run again, it returns the unfinished reviews it made before.
   */
  @Transactional
  public List<ReviewRef> prepare(long cycleId) {
    Cycle cycle = get(cycleId);
    YearMonth period = YearMonth.parse(cycle.period());
    boolean prepared = jdbc.sql("SELECT count(*) FROM review WHERE cycle_id = ?").param(cycleId).query(Long.class).single() > 0;
    if (!prepared) {
      List<Employee> scope = scope(cycle.roles(), cycle.employeeIds(), period);
      Set<String> metrics = new LinkedHashSet<>();
      Map<String, String> profiles = new TreeMap<>();
      for (Employee e : scope) {
        String profileName = scorecards.selectProfile(e.role(), e.storeId(), e.hiredOn(), period);
        WeightProfile profile = scorecards.find(e.role(), profileName).orElseThrow();
        profiles.put(e.id(), profileName);
        long reviewId =
            jdbc.sql(
                    """
                    INSERT INTO review (cycle_id, employee_id, period, role, team, manager_id, profile, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'CREATED') RETURNING id""")
                .params(cycleId, e.id(), period.toString(), e.role(), e.team(), e.managerId(), profileName)
                .query(Long.class)
                .single();
        int position = 0;
        for (Kpi k : profile.kpis()) {
          jdbc.sql(
                  """
                  INSERT INTO review_line (review_id, position, kpi_code, kpi_name, unit, direction, metric, target, weight, perspective)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
              .params(reviewId, position++, k.code(), k.name(), k.unit(), k.direction().name(), k.metric(), k.target(), k.weight(),
                  k.perspective() == null ? null : k.perspective().name())
              .update();
          metrics.add(k.metric());
        }
        audit.append(ReviewWorkflow.SYSTEM, "REVIEW_CREATED", ReviewProcesses.review(reviewId),
            Map.of("employeeId", e.id(), "period", period.toString(), "profile", profileName,
                "managerId", e.managerId()));
      }
      List<String> ids = scope.stream().map(Employee::id).toList();
      List<CollectedMetric> values = collector.collect(ids, period, metrics);
      for (CollectedMetric v : values) {
        jdbc.sql(
                """
                INSERT INTO collected_metric (cycle_id, employee_id, metric, value, source, overridden_value)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
            .params(cycleId, v.employeeId(), v.metric(), v.value(), v.source(), v.overriddenQueriedValue())
            .update();
      }
      audit.append(ReviewWorkflow.SYSTEM, "CYCLE_PREPARED", ReviewProcesses.cycle(cycleId),
          Map.of("employees", ids, "profiles", profiles, "metrics", metrics, "valuesRead", values.size()));
    }
    // The reviews this cycle instance runs: unfinished and without a live instance of their own.
    // On a first run that is every review; after a restart of the cycle, the interrupted ones
    // (reset by restart()), not those HR already restarted one by one.
    return jdbc.sql(
            """
            SELECT id, employee_id, manager_id, role FROM review
            WHERE cycle_id = ? AND status NOT IN ('COMPLETED', 'REJECTED', 'INTERRUPTED') AND process_instance_key IS NULL
            ORDER BY id""")
        .param(cycleId)
        .query((rs, n) -> new ReviewRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** Closes the cycle: rankings per team by final score. Returns them for the summary mail. */
  @Transactional
  public Map<String, List<Map<String, Object>>> close(long cycleId) {
    Map<String, List<Map<String, Object>>> rankings = reports.rankings(cycleId);
    int updated =
        jdbc.sql("UPDATE review_cycle SET status = 'CLOSED', closed_at = now() WHERE id = ? AND status <> 'CLOSED'")
            .param(cycleId)
            .update();
    if (updated > 0) {
      audit.append(ReviewWorkflow.SYSTEM, "CYCLE_CLOSED", ReviewProcesses.cycle(cycleId), Map.of("rankings", rankings));
    }
    return rankings;
  }

  public Cycle get(long id) {
    return reports.get(id);
  }

  /**
   * Who a cycle for {@code period} reviews: active employees with a manager and a scorecard, in
   * the chosen roles or ids, who have started by the end of the period (a future hiredOn is an
   * onboarding date: such a person is in no cycle of a period before it).
   */
  private List<Employee> scope(List<String> roles, List<String> employeeIds, YearMonth period) {
    List<String> withScorecards = scorecards.roles();
    return organisation.all().stream()
        .filter(Employee::active)
        .filter(e -> e.hiredOn() == null || !e.hiredOn().isAfter(period.atEndOfMonth()))
        .filter(e -> e.managerId() != null)
        .filter(e -> withScorecards.contains(e.role()))
        .filter(e -> roles == null || roles.isEmpty() || roles.contains(e.role()))
        .filter(e -> employeeIds == null || employeeIds.isEmpty() || employeeIds.contains(e.id()))
        .toList();
  }

  static YearMonth parsePeriod(String period) {
    return io.perfflow.Periods.parse("period", period);
  }

  private static String[] array(List<String> values) {
    return values == null || values.isEmpty() ? null : values.toArray(String[]::new);
  }

}
