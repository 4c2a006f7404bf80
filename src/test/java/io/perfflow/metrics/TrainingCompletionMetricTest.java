package io.perfflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** training.completion-rate (the new-hire profile's learning KPI): each course's latest report before the period's end, averaged. */
class TrainingCompletionMetricTest {
  @Test
  void theLatestReportOfEachCourseBeforeThePeriodsEndIsAveraged() {
    TestDatabase db = TestDatabase.withDemoEmployees();
    db.jdbc.sql("""
        INSERT INTO source.training_progress (employee_id, course, percent, updated_on) VALUES
          ('otto', 'basics', 40, '2026-09-10'), ('otto', 'basics', 90, '2026-10-20'), ('otto', 'basics', 100, '2026-11-03'),
          ('otto', 'ads', 50, '2026-10-05'),
          ('opal', 'basics', 70, '2026-11-02')""").update();
    Map<String, BigDecimal> october = new SqlMetricSource(db.jdbc, io.perfflow.metrics.MetricQueries.on(db.dataSource))
        .read(List.of("otto", "opal", "oscar"), YearMonth.of(2026, 10), List.of("training.completion-rate")).stream()
        .collect(Collectors.toMap(MetricValue::employeeId, MetricValue::value));
    // otto: basics 90 (the November report is after October), ads 50 -> 70; opal has nothing before November; oscar nothing at all.
    assertThat(october).containsOnlyKeys("otto");
    assertThat(october.get("otto")).isEqualByComparingTo("70");
  }
}
