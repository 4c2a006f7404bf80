package io.perfflow.source;

import io.perfflow.audit.AuditLog;
import io.perfflow.metrics.RowError;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives the rows of one source table ({@code POST /api/source/{table}}), streamed: each record
 * is read, checked against the table's descriptor and sent on with COPY into a temporary table
 * of the request's transaction; then duplicates within the file and references to stores and
 * suppliers are checked in SQL, and the rows are upserted by the table's key in one statement.
 * All or nothing: any bad row rolls everything back and is named (row, field, reason); at most
 * {@value #MAX_ERRORS} are listed, the read stops there.
 *
 * <p>Memory is bounded whatever the file's size: one record (at most 64 K characters), the COPY
 * buffer ({@value #COPY_BUFFER} characters), at most {@value #MAX_ERRORS} errors, the read
 * buffers. The rows themselves go to PostgreSQL (temporary table, then the source table).
 */
@Service
public class SourceIngestion {
  static final int MAX_ERRORS = 100;
  static final int COPY_BUFFER = 256 * 1024;

  public enum Format { CSV, JSON }

  public record Result(String table, long rows, long inserted, long replaced) {}

  private final DataSource dataSource;
  private final TransactionTemplate transaction;
  private final AuditLog audit;

  public SourceIngestion(DataSource dataSource, TransactionTemplate transaction, AuditLog audit) {
    this.dataSource = dataSource;
    this.transaction = transaction;
    this.audit = audit;
  }

  public Result ingest(SourceTable table, InputStream body, Format format, String actor) {
    Result result = transaction.execute(status -> {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        return load(connection, table, body, format);
      } catch (SQLException e) {
        throw new IllegalStateException("Loading " + table.name() + " failed: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("table", table.name());
    details.put("format", format.name().toLowerCase());
    details.put("rows", result.rows());
    details.put("inserted", result.inserted());
    details.put("replaced", result.replaced());
    audit.append(actor, "SOURCE_IMPORTED", null, details);
    return result;
  }

  private Result load(Connection connection, SourceTable table, InputStream body, Format format) throws SQLException, IOException {
    String columns = table.columns().stream().map(SourceColumn::column).collect(Collectors.joining(", "));
    String target = "source." + table.table();
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TEMP TABLE ingest_rows ON COMMIT DROP AS SELECT 0::int AS row_no, " + columns + " FROM " + target + " WITH NO DATA");
    }
    List<RowError> errors = new ArrayList<>();
    long rows = 0;
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY ingest_rows (row_no, " + columns + ") FROM STDIN (FORMAT csv)");
    try (SourceRecords records = format == Format.CSV ? SourceRecords.csv(body, table) : SourceRecords.json(body, table)) {
      StringBuilder buffer = new StringBuilder(COPY_BUFFER + 70_000);
      Map<String, String> record;
      while ((record = records.next()) != null) {
        rows = records.row();
        Object[] values = SourceCells.parse(table, record, rows, errors);
        if (errors.size() >= MAX_ERRORS) {
          break;
        }
        if (values != null && errors.isEmpty()) {
          SourceCells.appendCopyLine(buffer, rows, values);
          if (buffer.length() >= COPY_BUFFER) {
            flush(copy, buffer);
          }
        }
      }
      if (!errors.isEmpty()) {
        copy.cancelCopy();
        throw new SourceImportException(errors, errors.size() < MAX_ERRORS);
      }
      if (rows == 0) {
        copy.cancelCopy();
        throw new SourceImportException(List.of(new RowError(0, "rows", io.perfflow.Msg.of("source.error.noRows"))), true);
      }
      flush(copy, buffer);
      copy.endCopy();
    } catch (SourceRecords.FileProblem p) {
      cancel(copy);
      List<RowError> all = new ArrayList<>(errors);
      all.add(p.error);
      throw new SourceImportException(all, true);
    } catch (RuntimeException | IOException e) {
      cancel(copy);
      throw e;
    }
    checkInFile(connection, table, errors);
    if (!errors.isEmpty()) {
      throw new SourceImportException(errors, errors.size() < MAX_ERRORS);
    }
    String key = String.join(", ", table.keyColumns());
    String keyMatch = table.keyColumns().stream().map(k -> "t." + k + " = i." + k).collect(Collectors.joining(" AND "));
    long replaced = count(connection, "SELECT count(*) FROM ingest_rows i WHERE EXISTS (SELECT 1 FROM " + target + " t WHERE " + keyMatch + ")");
    String updates = table.columns().stream().map(SourceColumn::column).filter(c -> !table.keyColumns().contains(c))
        .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("INSERT INTO " + target + " (" + columns + ") SELECT " + columns + " FROM ingest_rows ORDER BY row_no"
          + " ON CONFLICT (" + key + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates));
    }
    return new Result(table.name(), rows, rows - replaced, replaced);
  }

  /** Keys that come twice in the file; store and supplier ids that are neither held nor in the file. */
  private static void checkInFile(Connection connection, SourceTable table, List<RowError> errors) throws SQLException {
    String key = String.join(", ", table.keyColumns());
    String keyFields = String.join(", ", table.key());
    try (Statement s = connection.createStatement();
        var rs = s.executeQuery("SELECT min(row_no), max(row_no), count(*) FROM ingest_rows GROUP BY " + key
            + " HAVING count(*) > 1 ORDER BY 1 LIMIT " + MAX_ERRORS)) {
      while (rs.next()) {
        errors.add(new RowError(rs.getInt(2), keyFields, rs.getInt(3) > 2
            ? io.perfflow.Msg.of("source.error.sameKeyMany", rs.getInt(1), rs.getInt(3))
            : io.perfflow.Msg.of("source.error.sameKey", rs.getInt(1))));
      }
    }
    for (SourceColumn c : table.columns()) {
      if (c.references() == null || errors.size() >= MAX_ERRORS) {
        continue;
      }
      try (Statement s = connection.createStatement();
          var rs = s.executeQuery("SELECT row_no, " + c.column() + " FROM ingest_rows i WHERE " + c.column() + " IS NOT NULL"
              + " AND NOT EXISTS (SELECT 1 FROM source." + c.references() + " r WHERE r.id = i." + c.column() + ")"
              + " ORDER BY row_no LIMIT " + (MAX_ERRORS - errors.size()))) {
        while (rs.next()) {
          errors.add(new RowError(rs.getInt(1), c.field(), io.perfflow.Msg.of("source.error.noReference", c.references(),
              io.perfflow.Texts.excerpt(rs.getString(2)), c.references().equals("store") ? "stores" : "suppliers")));
        }
      }
    }
    errors.sort(java.util.Comparator.comparingInt(RowError::row));
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
    CopyCsv.flush(copy, buffer);
  }

  private static void cancel(CopyIn copy) {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException ignored) {
      // the transaction is rolled back anyway
    }
  }
}
