package io.perfflow.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs each requested metric's configured query (perfflow.metric_definition.query) once for all
 * employees, over any window of days ({@code :periodStart} inclusive, {@code :periodEnd}
 * exclusive), read-only with a statement timeout, on the datasource it names (MetricQueries).
 * Metrics without a query are imported only and skipped here.
 */
@Component
public class SqlMetricSource implements MetricSource {
  public static final String SOURCE_PREFIX = "sql:";

  private final JdbcClient jdbc;
  private final MetricQueries queries;

  public SqlMetricSource(JdbcClient jdbc, MetricQueries queries) {
    this.jdbc = jdbc;
    this.queries = queries;
  }

  private record MetricQuery(String code, String query, String datasource) {}

  @Override
  public List<MetricValue> read(Collection<String> employeeIds, MetricWindow window, Collection<String> metricCodes) {
    if (employeeIds.isEmpty() || metricCodes.isEmpty()) {
      return List.of();
    }
    List<MetricQuery> queries =
        jdbc.sql("SELECT code, query, datasource FROM perfflow.metric_definition WHERE code = ANY(:codes) AND query IS NOT NULL ORDER BY code")
            .param("codes", metricCodes.toArray(String[]::new))
            .query(MetricQuery.class)
            .list();
    String[] ids = employeeIds.toArray(String[]::new);
    Set<String> requested = Set.copyOf(employeeIds);
    List<MetricValue> values = new ArrayList<>();
    for (MetricQuery metric : queries) {
      for (MetricValue value : run(metric, ids, window)) {
        // A query may not narrow by employee as it should; never report someone not asked for.
        if (value.value() != null && requested.contains(value.employeeId())) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private List<MetricValue> run(MetricQuery metric, String[] employeeIds, MetricWindow window) {
    try {
      return queries.run(metric.code(), metric.query(), metric.datasource(), employeeIds, window);
    } catch (MetricQueries.QueryProblem e) {
      throw new IllegalStateException("The query of metric " + metric.code() + " failed for " + window + ": " + e.getMessage(), e);
    }
  }
}
