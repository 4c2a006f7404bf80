package io.perfflow.metrics;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** PLACEHOLDER until the metrics branch lands. */
@Component
public class MetricCollector {
  public List<CollectedMetric> collect(Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes) {
    return List.of();
  }
}
