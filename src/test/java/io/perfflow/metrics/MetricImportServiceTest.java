package io.perfflow.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricImportServiceTest {
  private static final String HEADER = "employeeId,metric,period,value,source\n";
  private TestDatabase db;
  private MetricImportService imports;

  @BeforeEach
  void freshDatabase() {
    db = TestDatabase.withDemoEmployees();
    imports = new MetricImportService(db.jdbc, db.transaction, new ObjectMapper());
  }

  @Test
  void importsAValidCsvInOneBatch() {
    ImportResult result = imports.importCsv(HEADER
        + "carl,cs.teamwork-score,2026-10,85,peer-review-2026-10.xlsx\n"
        + "chen,cs.teamwork-score,2026-10,72.5,\"peer review, October\"\n", "cora");

    assertEquals(2, result.rowCount());
    assertEquals(new BigDecimal("72.5000"), result.rows().get(1).value());
    assertEquals("peer review, October", result.rows().get(1).source());
    assertEquals(2, count("SELECT count(*) FROM perfflow.imported_metric WHERE batch_id = " + result.batchId()));
    assertEquals(1, count("SELECT count(*) FROM perfflow.metric_import_batch WHERE imported_by = 'cora' AND format = 'csv' AND row_count = 2"));
  }

  @Test
  void importsAValidJsonArray() {
    ImportResult result = imports.importJson("""
        [{"employeeId": "cruz", "metric": "cs.conversion-rate", "period": "2026-10", "value": 31.25, "source": "vip-export"},
         {"employeeId": "cleo", "metric": "cs.teamwork-score", "period": "2026-10", "value": "90", "source": "peer review"}]""",
        "cora");

    assertEquals(2, result.rowCount());
    assertEquals(new BigDecimal("31.2500"), value("cruz", "cs.conversion-rate", "2026-10"));
    assertEquals(new BigDecimal("90.0000"), value("cleo", "cs.teamwork-score", "2026-10"));
  }

  @Test
  void importsIsoWeeksAsWellAsMonthsAndRefusesWeeksThatDoNotExist() {
    imports.importCsv(HEADER + "carl,cs.teamwork-score,2026-W44,81,weekly\n" + "carl,cs.teamwork-score,2026-W53,82,weekly\n", "cora");
    assertEquals(new BigDecimal("81.0000"), value("carl", "cs.teamwork-score", "2026-W44"));
    assertEquals(new BigDecimal("82.0000"), value("carl", "cs.teamwork-score", "2026-W53"));
    MetricImportException e = assertThrows(MetricImportException.class, () -> imports.importCsv(HEADER
        + "carl,cs.teamwork-score,2025-W53,80,weekly\n" + "carl,cs.teamwork-score,2026-W00,80,weekly\n", "cora"));
    assertEquals(List.of(
        new RowError(1, "period", "malformed period '2025-W53', expected a month YYYY-MM or an ISO week YYYY-Www"),
        new RowError(2, "period", "malformed period '2026-W00', expected a month YYYY-MM or an ISO week YYYY-Www")), e.errors());
  }

  @Test
  void reportsEveryErrorWithRowAndFieldAndWritesNothing() {
    MetricImportException e = assertThrows(MetricImportException.class, () -> imports.importCsv(HEADER
        + "carl,cs.teamwork-score,2026-10,85,ok\n"
        + "zed,cs.teamwork-score,2026-10,85,ok\n"
        + "carl,cs.no-such-metric,2026-10,85,ok\n"
        + "carl,cs.conversion-rate,2026-13,85,ok\n"
        + "carl,cs.satisfaction-rate,2026-10,eighty,ok\n"
        + "carl,cs.first-response-seconds,2026-10,,ok\n"
        + "carl,cs.repeat-purchase-rate,2026-10,20,\n"
        + "carl,cs.teamwork-score,2026-10,86,again\n", "cora"));

    assertEquals(List.of(
        new RowError(2, "employeeId", "unknown employee 'zed'"),
        new RowError(3, "metric", "unknown metric 'cs.no-such-metric'"),
        new RowError(4, "period", "malformed period '2026-13', expected a month YYYY-MM or an ISO week YYYY-Www"),
        new RowError(5, "value", "value 'eighty' is not a number"),
        new RowError(6, "value", "missing value"),
        new RowError(7, "source", "missing source"),
        new RowError(8, "key", "duplicate of row 1: employee 'carl', metric 'cs.teamwork-score', period '2026-10'")),
        e.errors());
    assertTrue(e.getMessage().contains("row 2 employeeId: unknown employee 'zed'"), e.getMessage());
    assertNothingWritten();
  }

  @Test
  void oneBadRowRejectsTheWholeFile() {
    MetricImportException e = assertThrows(MetricImportException.class, () -> imports.importJson("""
        [{"employeeId": "carl", "metric": "cs.teamwork-score", "period": "2026-10", "value": 85, "source": "x"},
         {"employeeId": "chen", "metric": "cs.teamwork-score", "period": "2026-10", "value": 70, "source": "x"},
         {"employeeId": "chen", "metric": "cs.teamwork-score", "period": "2026/10", "value": 70, "source": "x"}]""",
        "cora"));

    assertEquals(List.of(new RowError(3, "period", "malformed period '2026/10', expected a month YYYY-MM or an ISO week YYYY-Www")), e.errors());
    assertNothingWritten();
  }

  @Test
  void rejectsABadHeaderOrMalformedJsonAsAWhole() {
    MetricImportException header = assertThrows(MetricImportException.class,
        () -> imports.importCsv("employee,metric,period,value\ncarl,cs.teamwork-score,2026-10,85\n", "cora"));
    assertEquals(0, header.errors().get(0).row());
    assertEquals("header", header.errors().get(0).field());

    MetricImportException json = assertThrows(MetricImportException.class, () -> imports.importJson("{\"employeeId\": ", "cora"));
    assertEquals("json", json.errors().get(0).field());

    MetricImportException empty = assertThrows(MetricImportException.class, () -> imports.importCsv(HEADER, "cora"));
    assertEquals("rows", empty.errors().get(0).field());
    assertNothingWritten();
  }

  @Test
  void aReImportOverridesTheEarlierValue() {
    ImportResult first = imports.importCsv(HEADER + "carl,cs.teamwork-score,2026-10,85,first\n", "cora");
    ImportResult second = imports.importCsv(HEADER + "carl,cs.teamwork-score,2026-10,70,second\n", "hana");

    assertNull(first.rows().get(0).previousValue());
    assertEquals(new BigDecimal("85.0000"), second.rows().get(0).previousValue());
    assertEquals(new BigDecimal("70.0000"), value("carl", "cs.teamwork-score", "2026-10"));
    assertEquals(1, count("SELECT count(*) FROM perfflow.imported_metric WHERE source = 'second' AND batch_id = " + second.batchId()));
  }

  private void assertNothingWritten() {
    assertEquals(0, count("SELECT count(*) FROM perfflow.imported_metric"));
    assertEquals(0, count("SELECT count(*) FROM perfflow.metric_import_batch"));
  }

  private long count(String sql) {
    return db.jdbc.sql(sql).query(Long.class).single();
  }

  private BigDecimal value(String employee, String metric, String period) {
    return db.jdbc.sql("SELECT value FROM perfflow.imported_metric WHERE employee_id = ? AND metric = ? AND period = ?")
        .params(employee, metric, period).query(BigDecimal.class).single();
  }
}
