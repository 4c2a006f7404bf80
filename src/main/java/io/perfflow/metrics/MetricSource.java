package io.perfflow.metrics;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

public interface MetricSource {
  List<MetricValue> read(Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes);
}
