package io.perfflow.promotion;

import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.metrics.CollectedMetric;
import io.perfflow.metrics.MetricCollector;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employees on the ladders: their track and level, and the evaluation of the next level's
 * criteria over the metric sources ({@link MetricCollector}: queried values, imported values in
 * their place), PerfFlow's completed reviews and the organisation.
 */
@Service
public class Careers {
  /** An employee's place: track and level (null when not on a ladder), since when, and pay. */
  public record Position(String employeeId, String name, String track, String level, LocalDate levelSince, BigDecimal basePay, String managerId) {}

  private final JdbcClient jdbc;
  private final CareerLadders ladders;
  private final MetricCollector metrics;
  private final io.perfflow.CompanyTime companyTime;

  public Careers(JdbcClient jdbc, CareerLadders ladders, MetricCollector metrics, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.jdbc = jdbc;
    this.ladders = ladders;
    this.metrics = metrics;
  }

  public Optional<Position> position(String employeeId) {
    return jdbc.sql("SELECT id, name, track, level, coalesce(level_since, hired_on) AS level_since, base_pay, manager_id FROM employee WHERE id = ?")
        .param(employeeId)
        .query((rs, n) -> new Position(rs.getString("id"), rs.getString("name"), rs.getString("track"), rs.getString("level"),
            rs.getObject("level_since", LocalDate.class), rs.getBigDecimal("base_pay"), rs.getString("manager_id")))
        .optional();
  }

  public Position requirePosition(String employeeId) {
    return position(employeeId).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("promotion.error.noEmployeeId", employeeId)));
  }

  /** The employee's career as of {@code asOf}: the next level's criteria, evaluated. */
  public Career of(String employeeId, LocalDate asOf) {
    Position p = requirePosition(employeeId);
    Optional<Ladder> ladder = ladders.find(p.track());
    if (ladder.isEmpty()) {
      return new Career(employeeId, null, p.level(), null, null, null, false, List.of(), asOf);
    }
    Optional<Ladder.Level> current = ladder.get().level(p.level());
    Optional<Ladder.Level> next = ladder.get().next(p.level());
    if (next.isEmpty()) {
      return new Career(employeeId, p.track(), p.level(), current.map(Ladder.Level::name).orElse(null), null, null, false, List.of(), asOf);
    }
    List<CriterionResult> results = evaluate(p, next.get(), asOf);
    return new Career(employeeId, p.track(), p.level(), current.map(Ladder.Level::name).orElse(null), next.get().code(),
        next.get().name(), CriteriaEvaluator.allMet(results), results, asOf);
  }

  public List<CriterionResult> evaluate(Position p, Ladder.Level level, LocalDate asOf) {
    return CriteriaEvaluator.evaluate(level.criteria(), facts(p, level.criteria(), asOf), asOf);
  }

  EmployeeFacts facts(Position p, List<Criterion> criteria, LocalDate asOf) {
    Set<String> codes = new LinkedHashSet<>();
    criteria.stream().filter(c -> c.type() == Criterion.Type.METRIC).forEach(c -> codes.add(c.metric()));
    Map<String, Map<YearMonth, BigDecimal>> values = new HashMap<>();
    Map<String, String> units = new HashMap<>();
    if (!codes.isEmpty()) {
      YearMonth last = YearMonth.from(asOf).minusMonths(1);
      for (int i = 0; i < CriteriaEvaluator.LOOKBACK_MONTHS; i++) {
        YearMonth month = last.minusMonths(i);
        for (CollectedMetric v : metrics.collect(List.of(p.employeeId()), month, codes)) {
          values.computeIfAbsent(v.metric(), k -> new HashMap<>()).put(month, v.value());
        }
      }
      jdbc.sql("SELECT code, unit FROM metric_definition WHERE code = ANY(?)")
          .param(codes.toArray(String[]::new))
          .query((rs, n) -> units.put(rs.getString(1), rs.getString(2)))
          .list();
    }
    List<String> ratings = criteria.stream().anyMatch(c -> c.type() == Criterion.Type.RATING)
        ? jdbc.sql("""
                SELECT rating FROM review WHERE employee_id = ? AND status = 'COMPLETED' AND rating IS NOT NULL AND period < ?
                ORDER BY period DESC LIMIT 12""")
            .params(p.employeeId(), YearMonth.from(asOf).plusMonths(1).toString())
            .query(String.class)
            .list()
        : List.of();
    int reports = jdbc.sql("SELECT count(*) FROM employee WHERE manager_id = ? AND active").param(p.employeeId()).query(Integer.class).single();
    return new EmployeeFacts(values, units, ratings, reports, p.levelSince());
  }

  /** HR puts an employee on a track at a level (since {@code since}, default today). */
  @Transactional
  public Position setTrack(String employeeId, String track, String level, LocalDate since) {
    requirePosition(employeeId);
    if (track == null || track.isBlank()) {
      throw new InvalidInputException("track", io.perfflow.Msg.of("errors.required"));
    }
    Ladder ladder = ladders.find(track).orElseThrow(() -> new InvalidInputException("track", io.perfflow.Msg.of("promotion.error.noLadder", io.perfflow.Texts.excerpt(track))));
    if (level == null || ladder.level(level).isEmpty()) {
      throw new InvalidInputException("level", io.perfflow.Msg.of("promotion.error.levelOf", ladder.levels().stream().map(Ladder.Level::code).toList(), track, io.perfflow.Texts.excerpt(level)));
    }
    if (since.getYear() < 1900 || since.isAfter(LocalDate.now(companyTime.zone()).plusYears(1))) {
      throw new InvalidInputException("levelSince", io.perfflow.Msg.of("promotion.error.levelSince", since));
    }
    jdbc.sql("UPDATE employee SET track = ?, level = ?, level_since = ? WHERE id = ?").params(track, level, since, employeeId).update();
    return requirePosition(employeeId);
  }
}
