package io.perfflow.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports metric values for platforms without an API, per month ({@code YYYY-MM}) or ISO week
 * ({@code YYYY-Www}). All or nothing: every row is validated
 * first and any error rejects the whole file; a valid file is written in one transaction, and a
 * value imported again for the same employee, metric and period replaces the earlier one.
 *
 * <p>Limits: a value is a plain decimal (at most 10 digits before the point, 4 after) within the
 * metric's optional {@code min_value}/{@code max_value}; ids at most 100 characters, the source
 * at most 200; no NUL characters; at most {@value #MAX_ROWS} rows (the request itself is capped
 * at 2 MB, see {@code InputLimitsFilter}).
 */
@Component
public class MetricImportService {
  // imported_metric.value is numeric(14, 4).
  private static final int SCALE = 4;
  private static final BigDecimal LIMIT = BigDecimal.TEN.pow(10);
  static final int MAX_ROWS = 20_000;
  private static final int MAX_ID = 100;
  private static final int MAX_SOURCE = 200;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ObjectMapper mapper;

  public MetricImportService(JdbcClient jdbc, TransactionTemplate transaction, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.mapper = mapper;
  }

  public ImportResult importCsv(String csv, String actor) {
    return importRows(MetricImportFiles.readCsv(csv), "csv", actor);
  }

  public ImportResult importJson(String json, String actor) {
    return importRows(MetricImportFiles.readJson(json, mapper), "json", actor);
  }

  private record ValidRow(String employeeId, String metric, String period, BigDecimal value, String source) {}

  private ImportResult importRows(List<MetricImportRow> rows, String format, String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("An import needs the actor who imports it");
    }
    if (rows.isEmpty()) {
      throw MetricImportFiles.fileError("rows", io.perfflow.Msg.of("metrics.error.noRows"));
    }
    if (rows.size() > MAX_ROWS) {
      throw MetricImportFiles.fileError("rows", io.perfflow.Msg.of("metrics.error.tooManyRows", rows.size(), MAX_ROWS));
    }
    List<ValidRow> valid = validate(rows);
    return transaction.execute(status -> write(valid, format, actor));
  }

  private List<ValidRow> validate(List<MetricImportRow> rows) {
    Set<String> employees = existing("SELECT id FROM perfflow.employee WHERE id = ANY(:values)",
        rows.stream().map(MetricImportRow::employeeId).toList());
    Set<String> metrics = existing("SELECT code FROM perfflow.metric_definition WHERE code = ANY(:values)",
        rows.stream().map(MetricImportRow::metric).toList());
    Map<String, BigDecimal[]> bounds = new HashMap<>();
    jdbc.sql("SELECT code, min_value, max_value FROM perfflow.metric_definition")
        .query(rs -> {
          bounds.put(rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
        });
    List<RowError> errors = new ArrayList<>();
    List<ValidRow> valid = new ArrayList<>();
    Map<String, Integer> firstRowOfKey = new HashMap<>();
    for (MetricImportRow row : rows) {
      int before = errors.size();
      if (!wellFormed(row, errors)) {
        continue;
      }
      String employee = required(row, "employeeId", row.employeeId(), errors);
      if (employee != null && !employees.contains(employee)) {
        errors.add(new RowError(row.row(), "employeeId", io.perfflow.Msg.of("metrics.error.unknownEmployee", employee)));
      }
      String metric = required(row, "metric", row.metric(), errors);
      if (metric != null && !metrics.contains(metric)) {
        errors.add(new RowError(row.row(), "metric", io.perfflow.Msg.of("metrics.error.unknownMetric", metric)));
      }
      String period = required(row, "period", row.period(), errors);
      if (period != null && !io.perfflow.Periods.isValidMonthOrWeek(period)) {
        errors.add(new RowError(row.row(), "period", io.perfflow.Msg.of("metrics.error.period", io.perfflow.Texts.excerpt(period))));
      }
      BigDecimal value = number(row, errors);
      if (value != null && metric != null && bounds.containsKey(metric)) {
        BigDecimal[] b = bounds.get(metric);
        if ((b[0] != null && value.compareTo(b[0]) < 0) || (b[1] != null && value.compareTo(b[1]) > 0)) {
          errors.add(new RowError(row.row(), "value", io.perfflow.Msg.of("metrics.error.outOfRange", value.stripTrailingZeros(), metric,
              io.perfflow.Numbers.range(b[0] == null ? null : b[0].stripTrailingZeros(), b[1] == null ? null : b[1].stripTrailingZeros()))));
        }
      }
      String source = required(row, "source", row.source(), errors);
      if (employee != null && metric != null && period != null) {
        Integer first = firstRowOfKey.putIfAbsent(employee + "\u0000" + metric + "\u0000" + period, row.row());
        if (first != null) {
          errors.add(new RowError(row.row(), "key", io.perfflow.Msg.of("metrics.error.duplicate", first, employee, metric, period)));
        }
      }
      if (errors.size() == before) {
        valid.add(new ValidRow(employee, metric, period, value, source));
      }
    }
    if (!errors.isEmpty()) {
      throw new MetricImportException(errors);
    }
    return valid;
  }

  /** Sizes and characters first: nothing oversized or with a NUL goes near the database. */
  private static boolean wellFormed(MetricImportRow row, List<RowError> errors) {
    int before = errors.size();
    String[][] cells = {{"employeeId", row.employeeId()}, {"metric", row.metric()}, {"period", row.period()},
        {"value", row.value()}, {"source", row.source()}};
    for (String[] cell : cells) {
      if (cell[1] == null) {
        continue;
      }
      int max = cell[0].equals("source") ? MAX_SOURCE : MAX_ID;
      if (cell[1].indexOf('\u0000') >= 0) {
        errors.add(new RowError(row.row(), cell[0], io.perfflow.Msg.of("metrics.error.nul", cell[0])));
      } else if (cell[1].length() > max) {
        errors.add(new RowError(row.row(), cell[0], io.perfflow.Msg.of("metrics.error.tooLong", cell[0], cell[1].length(), max)));
      }
    }
    return errors.size() == before;
  }

  private Set<String> existing(String sql, List<String> candidates) {
    // Only values that can pass wellFormed go near the database (a NUL would fail the query).
    String[] values = candidates.stream()
        .filter(v -> v != null && !v.isBlank() && v.indexOf('\u0000') < 0 && v.length() <= MAX_ID)
        .map(String::strip).distinct().toArray(String[]::new);
    return new HashSet<>(jdbc.sql(sql).param("values", values).query(String.class).list());
  }

  private static String required(MetricImportRow row, String field, String value, List<RowError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new RowError(row.row(), field, io.perfflow.Msg.of("metrics.error.missing", field)));
      return null;
    }
    return value.strip();
  }

  private static BigDecimal number(MetricImportRow row, List<RowError> errors) {
    String text = required(row, "value", row.value(), errors);
    if (text == null) {
      return null;
    }
    // Strictly parsed (no 1e2147483647), range-checked before any rounding or expansion.
    var parsed = io.perfflow.Numbers.parse(text);
    if (parsed.isEmpty()) {
      errors.add(new RowError(row.row(), "value", io.perfflow.Msg.of("metrics.error.notANumber", io.perfflow.Texts.excerpt(text))));
      return null;
    }
    BigDecimal raw = parsed.get();
    if (raw.abs().compareTo(LIMIT) >= 0) {
      errors.add(new RowError(row.row(), "value", io.perfflow.Msg.of("metrics.error.tooLarge", text)));
      return null;
    }
    if (raw.signum() != 0 && raw.stripTrailingZeros().scale() > SCALE) {
      errors.add(new RowError(row.row(), "value", io.perfflow.Msg.of("metrics.error.decimals", text, SCALE)));
      return null;
    }
    return raw.setScale(SCALE, RoundingMode.HALF_UP);
  }

  private ImportResult write(List<ValidRow> rows, String format, String actor) {
    long batchId = jdbc.sql("""
            INSERT INTO perfflow.metric_import_batch (imported_by, format, row_count)
            VALUES (:actor, :format, :rows) RETURNING id""")
        .param("actor", actor).param("format", format).param("rows", rows.size())
        .query(Long.class).single();
    List<ImportedRow> imported = new ArrayList<>();
    for (ValidRow row : rows) {
      // The CTE reads the row as it was before this statement: the value being replaced, if any.
      List<BigDecimal> previous = jdbc.sql("""
              WITH previous AS (
                SELECT value FROM perfflow.imported_metric
                WHERE employee_id = :employeeId AND metric = :metric AND period = :period)
              INSERT INTO perfflow.imported_metric (employee_id, metric, period, value, source, batch_id)
              VALUES (:employeeId, :metric, :period, :value, :source, :batchId)
              ON CONFLICT (employee_id, metric, period) DO UPDATE
                SET value = excluded.value, source = excluded.source, batch_id = excluded.batch_id,
                    imported_at = now()
              RETURNING (SELECT value FROM previous)""")
          .param("employeeId", row.employeeId()).param("metric", row.metric()).param("period", row.period())
          .param("value", row.value()).param("source", row.source()).param("batchId", batchId)
          .query(BigDecimal.class).list();
      imported.add(new ImportedRow(row.employeeId(), row.metric(), row.period(), row.value(), row.source(),
          previous.isEmpty() ? null : previous.get(0)));
    }
    return new ImportResult(batchId, imported.size(), List.copyOf(imported));
  }
}
