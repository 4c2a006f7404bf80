package io.perfflow.metrics;

import java.time.YearMonth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The values a cycle uses: queried values, overridden by imported ones for the same employee,
 * metric and period. A metric without any value for an employee is absent from the result.
 */
@Component
public class MetricCollector {
  private final SqlMetricSource queried;
  private final ImportedMetricSource imported;

  public MetricCollector(SqlMetricSource queried, ImportedMetricSource imported) {
    this.queried = queried;
    this.imported = imported;
  }

  private record Key(String employeeId, String metric) {}

  public List<CollectedMetric> collect(Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes) {
    return collect(employeeIds, MetricWindow.month(period), metricCodes);
  }

  /**
   * The values over any window of days (a month, an ISO week, the days of a week so far); imports
   * apply when the window is exactly a month or a week, see {@link MetricWindow#importPeriod()}.
   */
  public List<CollectedMetric> collect(Collection<String> employeeIds, MetricWindow window, Collection<String> metricCodes) {
    List<CollectedMetric> queriedValues = new ArrayList<>();
    for (MetricValue v : queried.read(employeeIds, window, metricCodes)) {
      queriedValues.add(new CollectedMetric(v.employeeId(), v.metric(), v.value(), v.source(), null));
    }
    return withImports(queriedValues, employeeIds, window, metricCodes);
  }

  /**
   * The one place of the rule "an imported value overrides the queried one": {@code values}
   * (queried now, or collected earlier) with the values imported for the same employee, metric
   * and period in their place. Each replacement remembers the value the company system gave
   * ({@code overriddenValue}); re-applying the same import keeps what it remembered.
   */
  public List<CollectedMetric> withImports(
      Collection<CollectedMetric> values, Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes) {
    return withImports(values, employeeIds, MetricWindow.month(period), metricCodes);
  }

  public List<CollectedMetric> withImports(
      Collection<CollectedMetric> values, Collection<String> employeeIds, MetricWindow window, Collection<String> metricCodes) {
    Map<Key, CollectedMetric> collected = new LinkedHashMap<>();
    for (CollectedMetric v : values) {
      collected.put(new Key(v.employeeId(), v.metric()), v);
    }
    for (MetricValue v : imported.read(employeeIds, window, metricCodes)) {
      Key key = new Key(v.employeeId(), v.metric());
      CollectedMetric before = collected.get(key);
      BigDecimal overridden =
          before == null ? null
              : before.overriddenQueriedValue() != null ? before.overriddenQueriedValue()
              : before.source().equals(v.source()) ? null
              : before.value();
      collected.put(key, new CollectedMetric(v.employeeId(), v.metric(), v.value(), v.source(), overridden));
    }
    return collected.values().stream()
        .sorted(Comparator.comparing(CollectedMetric::employeeId).thenComparing(CollectedMetric::metric))
        .toList();
  }
}
