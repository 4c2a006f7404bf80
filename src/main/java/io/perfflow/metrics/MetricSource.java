package io.perfflow.metrics;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/** Reads metric values for many employees at once; an employee without a value is absent. */
public interface MetricSource {
  /** The values over any window of days (a month, an ISO week, the days of a week so far). */
  List<MetricValue> read(Collection<String> employeeIds, MetricWindow window, Collection<String> metricCodes);

  default List<MetricValue> read(Collection<String> employeeIds, YearMonth period, Collection<String> metricCodes) {
    return read(employeeIds, MetricWindow.month(period), metricCodes);
  }
}
