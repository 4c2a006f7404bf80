package io.perfflow.metrics;

import java.time.YearMonth;
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
    Map<Key, CollectedMetric> collected = new LinkedHashMap<>();
    for (MetricValue v : queried.read(employeeIds, period, metricCodes)) {
      collected.put(new Key(v.employeeId(), v.metric()), new CollectedMetric(v.employeeId(), v.metric(), v.value(), v.source(), null));
    }
    for (MetricValue v : imported.read(employeeIds, period, metricCodes)) {
      Key key = new Key(v.employeeId(), v.metric());
      CollectedMetric replaced = collected.get(key);
      collected.put(key, new CollectedMetric(
          v.employeeId(), v.metric(), v.value(), v.source(), replaced == null ? null : replaced.value()));
    }
    return collected.values().stream()
        .sorted(Comparator.comparing(CollectedMetric::employeeId).thenComparing(CollectedMetric::metric))
        .toList();
  }
}
