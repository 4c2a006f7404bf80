package io.perfflow.wellbeing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.audit.AuditLog;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance rows sent by the company's time system ({@code POST /api/source/attendance}): CSV
 * with the header {@code employeeId,day,hoursWorked,leaveDays} or a JSON array of objects with
 * those fields. All or nothing: every row is checked before the database sees any, a bad row is a
 * 400 naming the row and field; a row for a day already held replaces it.
 */
@Service
public class AttendanceImport {
  static final int MAX_ROWS = 50_000;
  static final List<String> COLUMNS = List.of("employeeId", "day", "hoursWorked", "leaveDays");
  private static final Set<BigDecimal> LEAVE_VALUES = Set.of(new BigDecimal("0"), new BigDecimal("0.5"), new BigDecimal("1"));
  /** Marks a CSV line with the wrong number of cells (not a column name). */
  private static final String CELLS = "#cells";
  private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

  public record Row(String employeeId, LocalDate day, BigDecimal hoursWorked, BigDecimal leaveDays) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final ObjectMapper json;

  public AttendanceImport(JdbcClient jdbc, AuditLog audit, ObjectMapper json) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.json = json;
  }

  /** Checks and stores the rows; answers how many were stored and how many replaced a held day. */
  @Transactional
  public Map<String, Object> importRows(String body, boolean isJson, String actor) {
    List<Map<String, String>> raw = isJson ? parseJson(body) : parseCsv(body);
    List<FieldError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      Row row = check(raw.get(i), "row " + (i + 1), errors);
      if (row != null && !seen.add(row.employeeId() + "|" + row.day())) {
        errors.add(new FieldError("row " + (i + 1), io.perfflow.Msg.of("wellbeing.error.twice", row.employeeId(), row.day())));
      }
      rows.add(row);
    }
    if (errors.isEmpty()) {
      Set<String> ids = new HashSet<>();
      rows.forEach(r -> ids.add(r.employeeId()));
      Set<String> known = new HashSet<>(jdbc.sql("SELECT id FROM employee WHERE id = ANY(?)").param(ids.toArray(String[]::new)).query(String.class).list());
      for (int i = 0; i < rows.size(); i++) {
        if (!known.contains(rows.get(i).employeeId())) {
          errors.add(new FieldError("row " + (i + 1) + ".employeeId", io.perfflow.Msg.of("wellbeing.error.noEmployee", rows.get(i).employeeId())));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    int replaced = 0;
    for (Row r : rows) {
      // xmax <> 0 on the returned row: it was an update of a held day, not an insert.
      boolean wasHeld = jdbc.sql("""
              INSERT INTO source.attendance (employee_id, day, hours, leave_day, leave_days) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (employee_id, day) DO UPDATE SET hours = EXCLUDED.hours, leave_day = EXCLUDED.leave_day, leave_days = EXCLUDED.leave_days
              RETURNING (xmax <> 0)""")
          .params(r.employeeId(), Date.valueOf(r.day()), r.hoursWorked(), r.leaveDays().signum() > 0, r.leaveDays())
          .query(Boolean.class)
          .single();
      if (wasHeld) {
        replaced++;
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("rows", rows.size());
    result.put("replaced", replaced);
    audit.append(actor, "ATTENDANCE_IMPORTED", null, result);
    return result;
  }

  private Row check(Map<String, String> raw, String where, List<FieldError> errors) {
    if (raw.containsKey(CELLS)) {
      errors.add(new FieldError(where, io.perfflow.Msg.of("wellbeing.error.cells", raw.get(CELLS), COLUMNS.size(), String.join(",", COLUMNS))));
      return null;
    }
    int before = errors.size();
    String employeeId = raw.get("employeeId");
    if (employeeId == null || employeeId.isBlank() || employeeId.length() > 100 || employeeId.indexOf('\0') >= 0) {
      errors.add(new FieldError(where + ".employeeId", io.perfflow.Msg.of("wellbeing.error.employeeId")));
    }
    LocalDate day = null;
    try {
      day = LocalDate.parse(String.valueOf(raw.get("day")).strip());
      if (day.getYear() < 2000 || day.getYear() > 2100) {
        errors.add(new FieldError(where + ".day", io.perfflow.Msg.of("wellbeing.error.dayRange", day)));
      }
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(new FieldError(where + ".day", io.perfflow.Msg.of("wellbeing.error.date", raw.get("day"))));
    }
    BigDecimal hours = number(raw.get("hoursWorked"), where + ".hoursWorked", errors);
    if (hours != null && (hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 2)) {
      errors.add(new FieldError(where + ".hoursWorked", io.perfflow.Msg.of("wellbeing.error.hours", hours.toPlainString())));
    }
    BigDecimal leave = number(raw.get("leaveDays"), where + ".leaveDays", errors);
    if (leave != null && LEAVE_VALUES.stream().noneMatch(v -> v.compareTo(leave) == 0)) {
      errors.add(new FieldError(where + ".leaveDays", io.perfflow.Msg.of("wellbeing.error.leave", leave.toPlainString())));
    }
    return errors.size() == before ? new Row(employeeId.strip(), day, hours, leave.stripTrailingZeros().max(BigDecimal.ZERO)) : null;
  }

  private static BigDecimal number(String text, String field, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, io.perfflow.Msg.of("errors.required")));
      return null;
    }
    String t = text.strip();
    // Plain decimals only: an exponent (1e2147483647) would make a number too large to print.
    if (!t.matches("-?\\d{1,6}(\\.\\d{1,6})?")) {
      errors.add(new FieldError(field, io.perfflow.Msg.of("wellbeing.error.number", io.perfflow.Texts.excerpt(t))));
      return null;
    }
    return new BigDecimal(t);
  }

  private List<Map<String, String>> parseJson(String body) {
    JsonNode root;
    try {
      root = json.readTree(body == null ? "" : body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("wellbeing.error.json", e.getOriginalMessage()));
    }
    if (root == null || !root.isArray()) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("wellbeing.error.jsonArray"));
    }
    checkSize(root.size());
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode n : root) {
      Map<String, String> row = new LinkedHashMap<>();
      if (n.isObject()) {
        for (String column : COLUMNS) {
          JsonNode v = n.get(column);
          row.put(column, v == null || v.isNull() || v.isContainerNode() ? null : v.asText());
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, String>> parseCsv(String body) {
    List<String> lines = (body == null ? "" : body).lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("wellbeing.error.empty", String.join(",", COLUMNS)));
    }
    List<String> header = List.of(lines.get(0).strip().split("\\s*,\\s*"));
    if (!header.equals(COLUMNS)) {
      throw new InvalidInputException("header", io.perfflow.Msg.of("wellbeing.error.header", String.join(",", COLUMNS), lines.get(0).strip()));
    }
    checkSize(lines.size() - 1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < COLUMNS.size(); c++) {
        row.put(COLUMNS.get(c), c < cells.length ? cells[c].strip() : null);
      }
      if (cells.length != COLUMNS.size()) {
        row.put(CELLS, String.valueOf(cells.length));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void checkSize(int rows) {
    if (rows == 0) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("wellbeing.error.noRows"));
    }
    if (rows > MAX_ROWS) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("wellbeing.error.tooManyRows", rows, MAX_ROWS));
    }
  }
}
