package io.perfflow.demo;

import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.perfflow.source.CopyCsv;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Rows to insert, grouped by statement (each a single-row {@code INSERT INTO t (columns) VALUES
 * (?, ...)}), written in bulk with PostgreSQL's {@code COPY} (CSV, the source ingestion's
 * formatter: {@link CopyCsv}).
 *
 * <p>Why COPY: the demo company is about 140,000 rows and is written on the first start, before
 * the application reports healthy. The source tables keep their summaries (daily orders, monthly
 * customers, attributed receptions) with statement-level triggers; one COPY per table runs each
 * summary once over all the table's rows, where batches of multi-row INSERTs ran it once per
 * batch. On this machine COPY writes the demo data in well under a second, the INSERT batches took
 * over five.
 */
final class DemoRows {
  // Typed nulls, so that a row reads the same whichever way it is written.
  static final SqlParameterValue NULL_DATE = new SqlParameterValue(Types.DATE, null);
  static final SqlParameterValue NULL_TIMESTAMP = new SqlParameterValue(Types.TIMESTAMP, null);
  static final SqlParameterValue NULL_INTEGER = new SqlParameterValue(Types.INTEGER, null);

  private static final Pattern INSERT =
      Pattern.compile("\\s*INSERT INTO\\s+([\\w.]+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([?,\\s]*)\\)\\s*", Pattern.CASE_INSENSITIVE);
  /** Bytes handed to the driver at a time: the rows are streamed, not built as one text. */
  private static final int CHUNK = 64 * 1024;

  private final Map<String, List<Object[]>> rowsByStatement = new LinkedHashMap<>();

  void add(String insert, Object... row) {
    rowsByStatement.computeIfAbsent(insert, s -> new ArrayList<>()).add(row);
  }

  int count(String insert) {
    return rowsByStatement.getOrDefault(insert, List.of()).size();
  }

  /** Writes every statement's rows with one COPY, in the order the statements were first added. */
  void writeTo(JdbcTemplate jdbc) {
    rowsByStatement.forEach((insert, rows) -> jdbc.execute((ConnectionCallback<Long>) connection -> {
      try {
        return copy(connection.unwrap(PGConnection.class), copyStatement(insert), rows);
      } catch (SQLException e) {
        throw new SQLException("COPY of the demo rows of " + insert.strip() + " failed: " + e.getMessage(), e.getSQLState(), e);
      }
    }));
  }

  /** {@code INSERT INTO t (a, b) VALUES (?, ?)} → {@code COPY t (a, b) FROM STDIN (FORMAT csv)}. */
  static String copyStatement(String insert) {
    Matcher m = INSERT.matcher(insert);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a single-row INSERT with one ? per column: " + insert);
    }
    int columns = m.group(2).split(",").length;
    int placeholders = m.group(3).replaceAll("[^?]", "").length();
    if (columns != placeholders) {
      throw new IllegalArgumentException(columns + " columns but " + placeholders + " placeholders: " + insert);
    }
    return "COPY " + m.group(1) + " (" + m.group(2).replaceAll("\\s+", " ").strip() + ") FROM STDIN (FORMAT csv)";
  }

  private static long copy(PGConnection connection, String copy, List<Object[]> rows) throws SQLException {
    CopyIn in = connection.getCopyAPI().copyIn(copy);
    try {
      StringBuilder text = new StringBuilder(CHUNK + 1024);
      for (Object[] row : rows) {
        appendLine(text, row);
        if (text.length() >= CHUNK) {
          CopyCsv.flush(in, text);
        }
      }
      CopyCsv.flush(in, text);
      return in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /** One row as a COPY CSV line (source.CopyCsv), the typed nulls unwrapped; a double is refused. */
  static void appendLine(StringBuilder text, Object[] row) {
    Object[] values = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      Object value = row[i] instanceof SqlParameterValue typed ? typed.getValue() : row[i];
      if (value instanceof Double || value instanceof Float) {
        throw new IllegalArgumentException("a floating-point value (" + value + ") in a demo row: round it to a BigDecimal first");
      }
      values[i] = value;
    }
    CopyCsv.appendLine(text, values);
  }
}
