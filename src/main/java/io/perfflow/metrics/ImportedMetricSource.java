package io.perfflow.metrics;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Values imported by CSV/JSON (perfflow.imported_metric) for platforms without an API, for a
 * month ({@code YYYY-MM}) or an ISO week ({@code YYYY-Www}).
 */
@Component
public class ImportedMetricSource implements MetricSource {
  public static final String SOURCE_PREFIX = "import:";

  private final JdbcClient jdbc;

  public ImportedMetricSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<MetricValue> read(Collection<String> employeeIds, MetricWindow window, Collection<String> metricCodes) {
    // An import states one value for a whole month or ISO week; other windows have none.
    String period = window.importPeriod().orElse(null);
    if (period == null || employeeIds.isEmpty() || metricCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT employee_id, metric, value, source FROM perfflow.imported_metric
            WHERE employee_id = ANY(:employeeIds) AND metric = ANY(:metrics) AND period = :period
            ORDER BY employee_id, metric""")
        .param("employeeIds", employeeIds.toArray(String[]::new))
        .param("metrics", metricCodes.toArray(String[]::new))
        .param("period", period)
        .query((rs, row) -> new MetricValue(
            rs.getString("employee_id"), rs.getString("metric"), rs.getBigDecimal("value"),
            SOURCE_PREFIX + rs.getString("source")))
        .list();
  }
}
