package io.perfflow.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs each requested metric's configured query (perfflow.metric_definition.query) once for all
 * employees. Metrics without a query are imported only and skipped here.
 */
@Component
public class SqlMetricSource implements MetricSource {
  public static final String SOURCE_PREFIX = "sql:";

  private final JdbcClient jdbc;

  public SqlMetricSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record MetricQuery(String code, String query) {}

  @Override
  public List<MetricValue> read(Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes) {
    return read(employeeIds, period.atDay(1), period.plusMonths(1).atDay(1), metricCodes);
  }

  /**
   * The same queries over any window of days, {@code [start, end)} (the daily customer-service
   * feedback reads one day with the very queries the monthly review reads).
   */
  public List<MetricValue> read(Collection<String> employeeIds, LocalDate start, LocalDate end, Collection<String> metricCodes) {
    if (employeeIds.isEmpty() || metricCodes.isEmpty()) {
      return List.of();
    }
    List<MetricQuery> queries =
        jdbc.sql("SELECT code, query FROM perfflow.metric_definition WHERE code = ANY(:codes) AND query IS NOT NULL ORDER BY code")
            .param("codes", metricCodes.toArray(String[]::new))
            .query(MetricQuery.class)
            .list();
    String[] ids = employeeIds.toArray(String[]::new);
    Set<String> requested = Set.copyOf(employeeIds);
    List<MetricValue> values = new ArrayList<>();
    for (MetricQuery metric : queries) {
      for (MetricValue value : run(metric, ids, start, end)) {
        // A query may not narrow by employee as it should; never report someone not asked for.
        if (value.value() != null && requested.contains(value.employeeId())) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private List<MetricValue> run(MetricQuery metric, String[] employeeIds, LocalDate start, LocalDate end) {
    try {
      return jdbc.sql(metric.query())
          .param("employeeIds", employeeIds)
          .param("periodStart", start)
          .param("periodEnd", end)
          .query((rs, row) -> new MetricValue(
              rs.getString("employee_id"), metric.code(), rs.getBigDecimal("value"), SOURCE_PREFIX + metric.code()))
          .list();
    } catch (DataAccessException e) {
      throw new IllegalStateException(
          "The query of metric " + metric.code() + " failed for " + start + " to " + end + ": " + e.getMostSpecificCause().getMessage(), e);
    }
  }
}
