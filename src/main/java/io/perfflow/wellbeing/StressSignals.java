package io.perfflow.wellbeing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.perfflow.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The stress signals of employees as of a date. The thresholds and windows come from
 * stress-signals.dmn and the level from stress-risk.dmn (both evaluated by the engine, so a
 * modeler's change applies without a release); the values are computed here, set-based: one
 * query per signal for all the employees asked about, never one per employee.
 */
@Service
public class StressSignals {
  private static final TypeReference<List<Map<String, Object>>> RULES = new TypeReference<>() {};
  private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(30);

  private final JdbcClient jdbc;
  private final CamundaClient client;
  private final ObjectMapper json;
  private final boolean trainingContributes;

  public StressSignals(
      JdbcClient jdbc, CamundaClient client, ObjectMapper json,
      @Value("${perfflow.wellbeing.training-contributes:true}") boolean trainingContributes) {
    this.jdbc = jdbc;
    this.client = client;
    this.json = json;
    this.trainingContributes = trainingContributes;
  }

  /** One employee's signals (active or not); 404 for an unknown employee. */
  public StressAssessment of(String employeeId, LocalDate asOf) {
    List<Map<String, Object>> employee =
        jdbc.sql("SELECT id, team, manager_id FROM employee WHERE id = ?").param(employeeId).query().listOfRows();
    if (employee.isEmpty()) {
      throw new NotFoundException(io.perfflow.Msg.of("wellbeing.error.noEmployeeFound", employeeId));
    }
    return assess(employee, asOf).get(0);
  }

  /** Every active employee's signals, in employee id order. */
  public List<StressAssessment> ofActiveEmployees(LocalDate asOf) {
    return assess(jdbc.sql("SELECT id, team, manager_id FROM employee WHERE active ORDER BY id").query().listOfRows(), asOf);
  }

  /** The rules of stress-signals.dmn, in the model's order. */
  public List<SignalRule> rules() {
    String output = client.newEvaluateDecisionCommand()
        .decisionId(WellbeingProcesses.SIGNALS_DECISION)
        .variables(Map.of("trainingContributes", trainingContributes))
        .requestTimeout(DECISION_TIMEOUT)
        .send()
        .join()
        .getDecisionOutput();
    List<SignalRule> rules = new ArrayList<>();
    try {
      for (Map<String, Object> r : json.readValue(output, RULES)) {
        Object threshold = r.get("threshold");
        if (r.get("signal") == null || threshold == null || r.get("comparison") == null) {
          throw new IllegalStateException("stress-signals.dmn: a rule lacks its signal, threshold or comparison: " + r);
        }
        rules.add(new SignalRule((String) r.get("signal"), new BigDecimal(threshold.toString()), (String) r.get("comparison"),
            (String) r.get("window"), r.get("kind") == null ? "core" : (String) r.get("kind")));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stress-signals.dmn answered something that is not a list of rules: " + output, e);
    }
    return rules;
  }

  private List<StressAssessment> assess(List<Map<String, Object>> employees, LocalDate asOf) {
    String[] ids = employees.stream().map(e -> (String) e.get("id")).toArray(String[]::new);
    List<SignalRule> rules = rules();
    Map<String, List<SignalReading>> readings = new HashMap<>();
    for (String id : ids) {
      readings.put(id, new ArrayList<>());
    }
    for (SignalRule rule : rules) {
      Window window = window(rule, asOf);
      Map<String, BigDecimal> values = values(rule, window, ids, asOf);
      for (String id : ids) {
        BigDecimal value = values.get(id);
        readings.get(id).add(new SignalReading(rule.signal(), value, rule.threshold(), rule.comparison(), rule.window(),
            window == null ? null : window.from(), window == null ? null : window.toInclusive(), rule.kind(), rule.fires(value)));
      }
    }
    // The level depends only on (core signals fired, training fired): one decision per distinct pair.
    Map<String, StressLevel> levels = new HashMap<>();
    List<StressAssessment> result = new ArrayList<>();
    for (Map<String, Object> e : employees) {
      String id = (String) e.get("id");
      List<SignalReading> signals = readings.get(id);
      long core = signals.stream().filter(s -> s.fired() && "core".equals(s.kind())).count();
      boolean training = signals.stream().anyMatch(s -> s.fired() && !"core".equals(s.kind()));
      StressLevel level = levels.computeIfAbsent(core + ":" + training, k -> level(core, training));
      result.add(new StressAssessment(id, (String) e.get("team"), (String) e.get("manager_id"), asOf, List.copyOf(signals), level));
    }
    return result;
  }

  private StressLevel level(long coreSignals, boolean trainingSignal) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("coreSignals", coreSignals);
    variables.put("trainingSignal", trainingSignal);
    String output = client.newEvaluateDecisionCommand()
        .decisionId(WellbeingProcesses.RISK_DECISION)
        .variables(variables)
        .requestTimeout(DECISION_TIMEOUT)
        .send()
        .join()
        .getDecisionOutput();
    try {
      Object level = json.readValue(output, Object.class);
      if (level instanceof Map<?, ?> m) {
        level = m.get("level");
      }
      return StressLevel.valueOf(String.valueOf(level));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("stress-risk.dmn answered '" + output + "' for " + variables + "; expected RED, AMBER or GREEN", e);
    }
  }

  /** A signal's dates: from inclusive, to exclusive. */
  record Window(LocalDate from, LocalDate to) {
    LocalDate toInclusive() {
      return to.minusDays(1);
    }
  }

  private static Window window(SignalRule rule, LocalDate asOf) {
    if (rule.window() == null || rule.window().isBlank()) {
      return null;
    }
    Period period;
    try {
      period = Period.parse(rule.window());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalStateException("stress-signals.dmn: rule '" + rule.signal() + "' has window '" + rule.window() + "'; expected an ISO period like P30D", e);
    }
    if (rule.signal().equals("hours")) {
      // Complete weeks only: the weeks (Monday to Sunday) before the as-of date's week.
      LocalDate to = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return new Window(to.minus(period), to);
    }
    // The days up to and including the as-of date.
    return new Window(asOf.plusDays(1).minus(period), asOf.plusDays(1));
  }

  private Map<String, BigDecimal> values(SignalRule rule, Window w, String[] ids, LocalDate asOf) {
    Map<String, BigDecimal> values = new HashMap<>();
    switch (rule.signal()) {
      case "hours" -> {
        long weeks = (w.to().toEpochDay() - w.from().toEpochDay()) / 7;
        if (weeks < 1) {
          throw new IllegalStateException("stress-signals.dmn: the hours window must be whole weeks, got " + rule.window());
        }
        // Weeks without attendance rows count as 0 hours (the average is over the whole window).
        jdbc.sql("""
                SELECT employee_id, sum(hours) AS total FROM source.attendance
                WHERE employee_id = ANY(?) AND day >= ? AND day < ? GROUP BY employee_id""")
            .params(ids, Date.valueOf(w.from()), Date.valueOf(w.to()))
            .query(rs -> {
              values.put(rs.getString("employee_id"), rs.getBigDecimal("total").divide(BigDecimal.valueOf(weeks), 2, RoundingMode.HALF_UP));
            });
        for (String id : ids) {
          values.putIfAbsent(id, BigDecimal.ZERO.setScale(2));
        }
      }
      case "leave" -> {
        jdbc.sql("""
                SELECT employee_id, sum(leave_days) AS total FROM source.attendance
                WHERE employee_id = ANY(?) AND day >= ? AND day < ? GROUP BY employee_id""")
            .params(ids, Date.valueOf(w.from()), Date.valueOf(w.to()))
            .query(rs -> {
              values.put(rs.getString("employee_id"), rs.getBigDecimal("total"));
            });
        for (String id : ids) {
          values.putIfAbsent(id, BigDecimal.ZERO.setScale(1));
        }
      }
      case "decline" -> {
        // The value: how many consecutive declines the newest threshold + 1 completed reviews
        // (of periods before the as-of month) show, newest first.
        int reviews = rule.threshold().intValue() + 1;
        Map<String, List<BigDecimal>> totals = new HashMap<>();
        jdbc.sql("""
                SELECT employee_id, final_total FROM (
                  SELECT employee_id, final_total, period, id,
                         row_number() OVER (PARTITION BY employee_id ORDER BY period DESC, id DESC) AS n
                  FROM review WHERE employee_id = ANY(?) AND status = 'COMPLETED' AND final_total IS NOT NULL AND period < ?) r
                WHERE n <= ? ORDER BY employee_id, n""")
            .params(ids, asOf.toString().substring(0, 7), reviews)
            .query(rs -> {
              totals.computeIfAbsent(rs.getString("employee_id"), k -> new ArrayList<>()).add(rs.getBigDecimal("final_total"));
            });
        for (String id : ids) {
          List<BigDecimal> t = totals.getOrDefault(id, List.of());
          int declines = 0;
          while (declines + 1 < t.size() && t.get(declines).compareTo(t.get(declines + 1)) < 0) {
            declines++;
          }
          values.put(id, BigDecimal.valueOf(declines));
        }
      }
      case "pressure" -> jdbc.sql("""
              SELECT DISTINCT ON (employee_id) employee_id, pressure FROM pulse_answer
              WHERE employee_id = ANY(?) AND answered_on >= ? AND answered_on < ?
              ORDER BY employee_id, answered_on DESC""")
          .params(ids, Date.valueOf(w.from()), Date.valueOf(w.to()))
          .query(rs -> {
            values.put(rs.getString("employee_id"), BigDecimal.valueOf(rs.getInt("pressure")));
          });
      case "training" -> jdbc.sql("""
              SELECT employee_id, round(avg(percent), 1) AS completion FROM (
                SELECT DISTINCT ON (employee_id, course) employee_id, percent FROM source.training_progress
                WHERE employee_id = ANY(?) AND updated_on <= ? ORDER BY employee_id, course, updated_on DESC) latest
              GROUP BY employee_id""")
          .params(ids, Date.valueOf(asOf))
          .query(rs -> {
            values.put(rs.getString("employee_id"), rs.getBigDecimal("completion"));
          });
      default -> throw new IllegalStateException(
          "stress-signals.dmn has a rule for signal '" + rule.signal() + "'; PerfFlow knows hours, leave, decline, pressure and training");
    }
    return values;
  }
}
