package io.perfflow.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The last months of final results per employee, as chart series: for each of the {@code months}
 * periods before {@code current}, the final total and rating of the employee's completed review of
 * that period (the newest, if there were several) and each KPI's score; null where there is none.
 */
@Component
public class Trends {
  public static final int MONTHS = 12;

  /** One KPI's scores per period ({@code scores} parallel to {@link Trend#periods}). */
  public record KpiSeries(String kpi, String name, List<BigDecimal> scores) {}

  public record Trend(List<String> periods, List<BigDecimal> finalTotals, List<String> ratings, List<KpiSeries> kpis) {
    /** No final total in any month (pages show a sentence instead of the charts). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
      return finalTotals.stream().allMatch(java.util.Objects::isNull);
    }
  }

  private final JdbcClient jdbc;

  public Trends(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Trend of(String employeeId, YearMonth current) {
    return of(List.of(employeeId), current).get(employeeId);
  }

  public Map<String, Trend> of(Collection<String> employeeIds, YearMonth current) {
    List<String> periods = new ArrayList<>();
    for (int i = MONTHS; i >= 1; i--) {
      periods.add(current.minusMonths(i).toString());
    }
    record Final(long reviewId, String employeeId, String period, BigDecimal finalTotal, String rating) {}
    List<Final> finals = jdbc.sql(
            """
            SELECT DISTINCT ON (employee_id, period) id, employee_id, period, final_total, rating FROM review
            WHERE employee_id = ANY(?) AND status = 'COMPLETED' AND final_total IS NOT NULL AND period >= ? AND period < ?
            ORDER BY employee_id, period, id DESC""")
        .params(employeeIds.toArray(String[]::new), periods.get(0), current.toString())
        .query((rs, n) -> new Final(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5)))
        .list();
    record Score(long reviewId, String kpi, String name, BigDecimal score) {}
    Map<Long, List<Score>> scores = new HashMap<>();
    if (!finals.isEmpty()) {
      jdbc.sql("SELECT review_id, kpi_code, kpi_name, score FROM review_line WHERE review_id = ANY(?) ORDER BY review_id, position")
          .param(finals.stream().map(Final::reviewId).toArray(Long[]::new))
          .query((rs, n) -> new Score(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
          .list()
          .forEach(s -> scores.computeIfAbsent(s.reviewId(), id -> new ArrayList<>()).add(s));
    }
    Map<String, Trend> out = new LinkedHashMap<>();
    for (String id : employeeIds) {
      List<BigDecimal> totals = new ArrayList<>(java.util.Collections.nCopies(periods.size(), null));
      List<String> ratings = new ArrayList<>(java.util.Collections.nCopies(periods.size(), null));
      Map<String, KpiSeries> kpis = new LinkedHashMap<>();
      for (Final f : finals) {
        if (!f.employeeId().equals(id)) {
          continue;
        }
        int at = periods.indexOf(f.period());
        totals.set(at, f.finalTotal());
        ratings.set(at, f.rating());
        for (Score s : scores.getOrDefault(f.reviewId(), List.of())) {
          kpis.computeIfAbsent(s.kpi(), k -> new KpiSeries(k, s.name(), new ArrayList<>(java.util.Collections.nCopies(periods.size(), null))))
              .scores().set(at, s.score());
        }
      }
      out.put(id, new Trend(List.copyOf(periods), totals, ratings, List.copyOf(kpis.values())));
    }
    return out;
  }
}
