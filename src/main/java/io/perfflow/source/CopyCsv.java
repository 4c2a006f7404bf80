package io.perfflow.source;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Lines for PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}, written in chunks: the one
 * formatter of the source ingestion and of the demo company's bulk write. A null is an empty
 * unquoted cell (NULL); a text is quoted, so commas, quotes and line breaks in it stay text; a
 * number is written in plain notation; anything else (dates, times, booleans) as its ISO/SQL
 * {@code toString()}.
 */
public final class CopyCsv {
  private CopyCsv() {}

  /** Appends one cell (without a separator). */
  public static void appendCell(StringBuilder out, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof String s) {
      out.append('"').append(s.replace("\"", "\"\"")).append('"');
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else {
      out.append(value);
    }
  }

  /** Appends the cells as one line. */
  public static void appendLine(StringBuilder out, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendCell(out, values[i]);
    }
    out.append('\n');
  }

  /** Hands the buffered lines to the COPY and empties the buffer. */
  public static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
    if (buffer.length() > 0) {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }
  }
}
