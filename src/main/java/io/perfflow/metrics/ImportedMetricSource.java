package io.perfflow.metrics;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** PLACEHOLDER until the metrics branch lands. */
@Component
public class ImportedMetricSource implements MetricSource {
  @Override
  public List<MetricValue> read(Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes) {
    return List.of();
  }
}
