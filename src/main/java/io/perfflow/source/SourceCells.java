package io.perfflow.source;

import io.perfflow.Msg;
import io.perfflow.metrics.RowError;
import io.perfflow.source.SourceTable.RowProblem;
import io.perfflow.source.SourceTable.RowRule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one record's cells into typed values by the table's descriptor, or names each bad cell. */
final class SourceCells {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,20}(\\.\\d{1,20})?");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?");

  private SourceCells() {}

  /** Why a cell's text is not a value of its column. */
  private static final class CellProblem extends IllegalArgumentException {
    final transient Msg text;

    CellProblem(Msg text) {
      super(text.english());
      this.text = text;
    }
  }

  /** The row's values in column order, or null after adding its errors. */
  static Object[] parse(SourceTable table, Map<String, String> record, long row, List<RowError> errors) {
    int r = (int) row;
    if (record.containsKey(SourceRecords.CELL_COUNT)) {
      errors.add(new RowError(r, "row", Msg.of("source.error.cellCount", record.get(SourceRecords.CELL_COUNT), record.get(SourceRecords.HEADER_COUNT))));
      return null;
    }
    if (record.containsKey(SourceRecords.NOT_AN_OBJECT)) {
      errors.add(new RowError(r, "row", Msg.of("source.error.notAnObject", record.get(SourceRecords.NOT_AN_OBJECT))));
      return null;
    }
    if (record.containsKey("#unknown")) {
      errors.add(new RowError(r, io.perfflow.Texts.excerpt(record.get("#unknown")), Msg.of("source.error.unknownField",
          String.join(", ", table.columns().stream().map(SourceColumn::field).toList()))));
      return null;
    }
    int before = errors.size();
    List<SourceColumn> columns = table.columns();
    Object[] values = new Object[columns.size()];
    Map<String, Object> byField = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      SourceColumn c = columns.get(i);
      String text = record.get(c.field());
      if (text != null && text.indexOf('\0') >= 0) {
        errors.add(new RowError(r, c.field(), text.equals(SourceRecords.NOT_A_VALUE) ? Msg.of("source.error.notAValue") : Msg.of("source.error.nul")));
        continue;
      }
      if (text != null) {
        text = text.strip();
      }
      if (text == null || text.isEmpty()) {
        if (c.required()) {
          errors.add(new RowError(r, c.field(), Msg.of("source.error.required", c.type().form())));
          continue;
        }
        text = c.defaultValue();
        if (text == null) {
          continue;
        }
      }
      try {
        values[i] = value(c, text);
        byField.put(c.field(), values[i]);
      } catch (CellProblem e) {
        errors.add(new RowError(r, c.field(), e.text));
      }
    }
    if (errors.size() > before) {
      return null;
    }
    for (RowRule rule : table.rules()) {
      Optional<RowProblem> problem = rule.check().apply(byField);
      if (problem.isPresent()) {
        errors.add(new RowError(r, problem.get().field(), problem.get().message()));
      }
    }
    return errors.size() > before ? null : values;
  }

  private static Object value(SourceColumn c, String text) {
    String shown = io.perfflow.Texts.excerpt(text);
    switch (c.type()) {
      case TEXT -> {
        if (text.length() > c.maxLength()) {
          throw new CellProblem(Msg.of("source.error.tooLong", text.length(), c.maxLength()));
        }
        return text;
      }
      case INTEGER, BIGINT -> {
        if (!INTEGER.matcher(text).matches()) {
          throw new CellProblem(Msg.of("source.error.type", c.type().form(), shown));
        }
        BigInteger v = new BigInteger(text);
        BigDecimal d = new BigDecimal(v);
        BigDecimal min = c.min() != null ? c.min() : BigDecimal.valueOf(Long.MIN_VALUE);
        BigDecimal max = c.max() != null ? c.max() : BigDecimal.valueOf(Long.MAX_VALUE);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
          throw new CellProblem(Msg.of("source.error.range", io.perfflow.Numbers.range(min, max), shown));
        }
        return v.longValue();
      }
      case DECIMAL -> {
        if (!DECIMAL.matcher(text).matches()) {
          throw new CellProblem(Msg.of("source.error.decimal", shown));
        }
        BigDecimal v = new BigDecimal(text);
        Optional<Msg> problem = io.perfflow.Numbers.problem(v, c.min(), c.max(), c.scale());
        if (problem.isPresent()) {
          throw new CellProblem(problem.get());
        }
        return v;
      }
      case BOOLEAN -> {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
          case "true", "1" -> Boolean.TRUE;
          case "false", "0" -> Boolean.FALSE;
          default -> throw new CellProblem(Msg.of("source.error.boolean", shown));
        };
      }
      case DATE -> {
        LocalDate d;
        try {
          d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new CellProblem(Msg.of("source.error.date", shown));
        }
        if (d.getYear() < 2000 || d.getYear() > 2100) {
          throw new CellProblem(Msg.of("source.error.year", d));
        }
        return d;
      }
      case TIMESTAMP -> {
        if (!TIMESTAMP.matcher(text).matches()) {
          throw new CellProblem(Msg.of("source.error.timestamp", shown));
        }
        LocalDateTime t;
        try {
          t = LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
          throw new CellProblem(Msg.of("source.error.badTimestamp", shown));
        }
        if (t.getYear() < 2000 || t.getYear() > 2100) {
          throw new CellProblem(Msg.of("source.error.year", t));
        }
        return t;
      }
      case ENUM -> {
        if (!c.values().contains(text)) {
          throw new CellProblem(Msg.of("source.error.oneOf", String.join(", ", c.values()), shown));
        }
        return text;
      }
      case PERIOD -> {
        if (!io.perfflow.Periods.isValid(text)) {
          throw new CellProblem(Msg.of("source.error.period", shown));
        }
        return text;
      }
      default -> throw new IllegalStateException("unknown type " + c.type());
    }
  }

  /** The values as one line of PostgreSQL COPY CSV: NULL unquoted empty, text always quoted. */
  static void appendCopyLine(StringBuilder out, long row, Object[] values) {
    out.append(row);
    for (Object v : values) {
      out.append(',');
      CopyCsv.appendCell(out, v);
    }
    out.append('\n');
  }
}
