package io.perfflow.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perfflow.metrics.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo company's bulk path: rows added as INSERTs arrive through COPY exactly as written. */
class DemoRowsTest {
  private static final String INSERT =
      "INSERT INTO demo_rows_test (id, label, day, at, amount, flag, n) VALUES (?, ?, ?, ?, ?, ?, ?)";

  @Test
  void anInsertBecomesACopyOfTheSameColumns() {
    assertEquals("COPY source.cs_session (id, store_id, started_at) FROM STDIN (FORMAT csv)",
        DemoRows.copyStatement("INSERT INTO source.cs_session (id, store_id,\n    started_at) VALUES (?, ?, ?)"));
  }

  @Test
  void aStatementThatIsNotOnePlaceholderPerColumnIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> DemoRows.copyStatement("INSERT INTO t (a, b) VALUES (?, now())"));
    assertThrows(IllegalArgumentException.class, () -> DemoRows.copyStatement("INSERT INTO t (a, b) VALUES (?)"));
    assertThrows(IllegalArgumentException.class, () -> DemoRows.copyStatement("UPDATE t SET a = ?"));
  }

  @Test
  void aDoubleIsRefusedRatherThanWrittenWithADifferentRounding() {
    StringBuilder line = new StringBuilder();
    assertThrows(IllegalArgumentException.class, () -> DemoRows.appendLine(line, new Object[] {0.1 + 0.2}));
  }

  @Test
  void textWithCommasQuotesTabsNewlinesBackslashesAndChineseNullsAndTypedValuesComeBackAsWritten() {
    TestDatabase db = TestDatabase.fresh();
    db.jdbc.sql("""
        CREATE TABLE demo_rows_test (id bigint PRIMARY KEY, label text, day date, at timestamp, amount numeric(12, 2),
          flag boolean, n int)""").update();
    DemoRows rows = new DemoRows();
    rows.add(INSERT, 1L, "tab\there, \"quoted\", line\nbreak, back\\slash \\N, 客服 \r end", LocalDate.of(2026, 10, 14),
        LocalDateTime.of(2026, 10, 14, 9, 0), new BigDecimal("1234.50"), true, 7);
    rows.add(INSERT, 2L, null, DemoRows.NULL_DATE, DemoRows.NULL_TIMESTAMP, new BigDecimal("1E+3"), false, DemoRows.NULL_INTEGER);
    assertEquals(2, rows.count(INSERT));

    rows.writeTo(new JdbcTemplate(db.dataSource));

    List<Map<String, Object>> back = db.jdbc.sql("SELECT * FROM demo_rows_test ORDER BY id").query().listOfRows();
    assertEquals(2, back.size());
    assertEquals("tab\there, \"quoted\", line\nbreak, back\\slash \\N, 客服 \r end", back.get(0).get("label"));
    assertEquals(java.sql.Date.valueOf("2026-10-14"), back.get(0).get("day"));
    assertEquals(java.sql.Timestamp.valueOf("2026-10-14 09:00:00"), back.get(0).get("at"));
    assertEquals(new BigDecimal("1234.50"), back.get(0).get("amount"));
    assertEquals(true, back.get(0).get("flag"));
    assertEquals(7, back.get(0).get("n"));
    assertEquals(null, back.get(1).get("label"));
    assertEquals(null, back.get(1).get("day"));
    assertEquals(null, back.get(1).get("at"));
    assertEquals(new BigDecimal("1000.00"), back.get(1).get("amount"));
    assertEquals(false, back.get(1).get("flag"));
    assertEquals(null, back.get(1).get("n"));
  }
}
