package io.perfflow.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Rows to insert, grouped by statement (each a single-row {@code INSERT INTO t (columns) VALUES
 * (?, ...)}), written in bulk with PostgreSQL's {@code COPY}.
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

  /** {@code INSERT INTO t (a, b) VALUES (?, ?)} → {@code COPY t (a, b) FROM STDIN}. */
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
    return "COPY " + m.group(1) + " (" + m.group(2).replaceAll("\\s+", " ").strip() + ") FROM STDIN";
  }

  private static long copy(PGConnection connection, String copy, List<Object[]> rows) throws SQLException {
    CopyIn in = connection.getCopyAPI().copyIn(copy);
    try {
      StringBuilder text = new StringBuilder(CHUNK + 1024);
      for (Object[] row : rows) {
        appendLine(text, row);
        if (text.length() >= CHUNK) {
          write(in, text);
        }
      }
      write(in, text);
      return in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static void write(CopyIn in, StringBuilder text) throws SQLException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  /** One row in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
  static void appendLine(StringBuilder text, Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        text.append('\t');
      }
      Object value = row[i] instanceof SqlParameterValue typed ? typed.getValue() : row[i];
      switch (value) {
        case null -> text.append("\\N");
        case Boolean b -> text.append(b ? 't' : 'f');
        case BigDecimal d -> text.append(d.toPlainString());
        case Double d -> throw new IllegalArgumentException("a double (" + d + ") in a demo row: round it to a BigDecimal first");
        case Float f -> throw new IllegalArgumentException("a float (" + f + ") in a demo row: round it to a BigDecimal first");
        default -> escape(text, value.toString()); // strings, numbers, LocalDate, LocalDateTime (ISO)
      }
    }
    text.append('\n');
  }

  private static void escape(StringBuilder text, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
  }
}
