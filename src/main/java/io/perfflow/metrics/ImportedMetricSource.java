package io.perfflow.metrics;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Values imported by CSV/JSON (perfflow.imported_metric) for platforms without an API. */
@Component
public class ImportedMetricSource implements MetricSource {
  public static final String SOURCE_PREFIX = "import:";

  private final JdbcClient jdbc;

  public ImportedMetricSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<MetricValue> read(Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes) {
    if (employeeIds.isEmpty() || metricCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT employee_id, metric, value, source FROM perfflow.imported_metric
            WHERE employee_id = ANY(:employeeIds) AND metric = ANY(:metrics) AND period = :period
            ORDER BY employee_id, metric""")
        .param("employeeIds", employeeIds.toArray(String[]::new))
        .param("metrics", metricCodes.toArray(String[]::new))
        .param("period", period.toString())
        .query((rs, row) -> new MetricValue(
            rs.getString("employee_id"), rs.getString("metric"), rs.getBigDecimal("value"),
            SOURCE_PREFIX + rs.getString("source")))
        .list();
  }
}
