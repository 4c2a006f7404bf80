package io.perfflow.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricCollectorTest {
  @Test
  void anImportedValueOverridesTheQueriedOneAndReportsIt() {
    TestDatabase db = TestDatabase.withDemoEmployees();
    db.jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on) VALUES ('S-WISH-1', 'w1', 'Wish', '2023-03-01')").update();
    db.jdbc.sql("""
        INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount) VALUES
          (1, 'S-WISH-1', '2026-10-01', 'A', 30), (2, 'S-WISH-1', '2026-10-02', 'B', 10)""").update();
    new MetricImportService(db.jdbc, db.transaction, new ObjectMapper()).importCsv("""
        employeeId,metric,period,value,source
        oscar,orders.count,2026-10,1250,wish-backoffice-export
        carl,cs.teamwork-score,2026-10,85,peer review
        oscar,orders.average-value,2026-09,99,other period
        """, "olivia");
    MetricCollector collector = new MetricCollector(new SqlMetricSource(db.jdbc, io.perfflow.metrics.MetricQueries.on(db.dataSource)), new ImportedMetricSource(db.jdbc));

    Map<String, CollectedMetric> collected = collector
        .collect(List.of("oscar", "carl"), YearMonth.of(2026, 10),
            List.of("orders.count", "orders.average-value", "cs.teamwork-score", "cs.conversion-rate"))
        .stream().collect(Collectors.toMap(c -> c.employeeId() + "/" + c.metric(), Function.identity()));

    assertEquals(new CollectedMetric("oscar", "orders.count", new BigDecimal("1250.0000"), "import:wish-backoffice-export",
        new BigDecimal("2")), collected.get("oscar/orders.count"));
    CollectedMetric averageValue = collected.get("oscar/orders.average-value");
    assertEquals("sql:orders.average-value", averageValue.source());
    assertEquals(0, new BigDecimal("20").compareTo(averageValue.value()));
    assertNull(averageValue.overriddenQueriedValue());
    assertEquals(new CollectedMetric("carl", "cs.teamwork-score", new BigDecimal("85.0000"), "import:peer review", null),
        collected.get("carl/cs.teamwork-score"));
    // No value at all: absent, for the caller to report.
    assertEquals(3, collected.size());
  }

  @Test
  void aWeekWindowReadsTheWeeksDaysAndTheWeeksImportsOnly() {
    TestDatabase db = TestDatabase.withDemoEmployees();
    db.jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on) VALUES ('S-WISH-1', 'w1', 'Wish', '2023-03-01')").update();
    // 2026-W44 is Mon 26 Oct .. Sun 1 Nov; the 25th and the 2nd are outside it.
    db.jdbc.sql("""
        INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount) VALUES
          (1, 'S-WISH-1', '2026-10-25', 'A', 30), (2, 'S-WISH-1', '2026-10-26', 'B', 10),
          (3, 'S-WISH-1', '2026-11-01', 'C', 10), (4, 'S-WISH-1', '2026-11-02', 'D', 10),
          (5, 'S-WISH-1', '2026-10-28', 'E', 10)""").update();
    new MetricImportService(db.jdbc, db.transaction, new ObjectMapper()).importCsv("""
        employeeId,metric,period,value,source
        carl,cs.teamwork-score,2026-W44,77,weekly peer review
        """, "cora");
    MetricCollector collector = new MetricCollector(new SqlMetricSource(db.jdbc, io.perfflow.metrics.MetricQueries.on(db.dataSource)), new ImportedMetricSource(db.jdbc));
    List<String> metrics = List.of("orders.count", "cs.teamwork-score");

    Map<String, CollectedMetric> week = collector.collect(List.of("oscar", "carl"), MetricWindow.week("2026-W44"), metrics)
        .stream().collect(Collectors.toMap(c -> c.employeeId() + "/" + c.metric(), Function.identity()));
    assertEquals(0, new BigDecimal("3").compareTo(week.get("oscar/orders.count").value()));
    assertEquals(new BigDecimal("77.0000"), week.get("carl/cs.teamwork-score").value());

    // Monday to Wednesday: two orders, and no import (an import is for a whole week or month).
    Map<String, CollectedMetric> soFar = collector.collect(List.of("oscar", "carl"),
            new MetricWindow(java.time.LocalDate.of(2026, 10, 26), java.time.LocalDate.of(2026, 10, 29)), metrics)
        .stream().collect(Collectors.toMap(c -> c.employeeId() + "/" + c.metric(), Function.identity()));
    assertEquals(0, new BigDecimal("2").compareTo(soFar.get("oscar/orders.count").value()));
    assertNull(soFar.get("carl/cs.teamwork-score"));
    // The month of October does not see the week's import.
    assertNull(collector.collect(List.of("carl"), YearMonth.of(2026, 10), metrics).stream()
        .filter(c -> c.metric().equals("cs.teamwork-score")).findFirst().orElse(null));
  }

  @Test
  void aWindowKnowsItsImportPeriod() {
    assertEquals("2026-W44", MetricWindow.week("2026-W44").importPeriod().orElseThrow());
    assertEquals("2026-10", MetricWindow.month(YearMonth.of(2026, 10)).importPeriod().orElseThrow());
    assertEquals(java.util.Optional.empty(),
        new MetricWindow(java.time.LocalDate.of(2026, 10, 26), java.time.LocalDate.of(2026, 10, 29)).importPeriod());
  }
}
