package io.perfflow.metrics;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/** Reads metric values for many employees at once; an employee without a value is absent. */
public interface MetricSource {
  List<MetricValue> read(Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes);
}
