package io.perfflow.org;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People loaded in one go ({@code POST /api/employees/import}): CSV with a header or a JSON array,
 * fields {@code id, name, email, role, team, manager, store, hiredOn, level, basePay, groups,
 * password?}. All or nothing; each bad row named ({@code row N.field}) with the same rules as
 * {@code POST /api/employees}; a manager is someone in the file or already employed; a chain of
 * managers that comes back to where it started is refused. New people only (an id already
 * employed is a bad row). Without a password an account cannot log in yet.
 */
@Service
public class EmployeeImport {
  public static final int MAX_ROWS = 5_000;
  static final List<String> FIELDS = List.of("id", "name", "email", "role", "team", "manager", "store", "hiredOn", "level", "basePay", "groups", "password");
  private static final Map<String, String> ALIASES = Map.of("managerid", "manager", "storeid", "store", "hired_on", "hiredOn", "base_pay", "basePay");

  private final Organisation organisation;
  private final ObjectMapper json;

  public EmployeeImport(Organisation organisation, ObjectMapper json) {
    this.organisation = organisation;
    this.json = json;
  }

  @Transactional
  public List<String> importPeople(String body, boolean isJson) {
    List<Map<String, Object>> raw = isJson ? readJson(body) : readCsv(body);
    if (raw.isEmpty()) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("org.error.noRows"));
    }
    if (raw.size() > MAX_ROWS) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("org.error.tooManyRows", raw.size(), MAX_ROWS));
    }
    List<FieldError> errors = new ArrayList<>();
    List<NewEmployee> people = new ArrayList<>();
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      String where = "row " + (i + 1) + ".";
      NewEmployee e = toEmployee(raw.get(i), where, errors);
      people.add(e);
      if (e != null && e.id() != null && rowOf.putIfAbsent(e.id(), i + 1) != null) {
        errors.add(new FieldError(where + "id", io.perfflow.Msg.of("org.error.twice", e.id(), rowOf.get(e.id()))));
      }
    }
    Set<String> inFile = rowOf.keySet();
    for (int i = 0; i < people.size(); i++) {
      NewEmployee e = people.get(i);
      if (e != null) {
        errors.addAll(organisation.problems(e, "row " + (i + 1) + ".", m -> inFile.contains(m) || organisation.exists(m), false));
      }
    }
    // Manager chains within the file (people already employed report to people already employed).
    Map<String, String> managerOf = new HashMap<>();
    people.stream().filter(e -> e != null && e.id() != null).forEach(e -> managerOf.put(e.id(), e.managerId()));
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < people.size(); i++) {
      NewEmployee e = people.get(i);
      if (e == null || e.id() == null || reported.contains(e.id())) {
        continue;
      }
      LinkedHashSet<String> chain = new LinkedHashSet<>();
      String at = e.id();
      while (at != null && managerOf.containsKey(at) && chain.add(at)) {
        at = managerOf.get(at);
      }
      if (at != null && chain.contains(at)) {
        List<String> loop = new ArrayList<>(chain).subList(new ArrayList<>(chain).indexOf(at), chain.size());
        if (loop.contains(e.id())) {
          reported.addAll(loop);
          errors.add(new FieldError("row " + (i + 1) + ".manager", io.perfflow.Msg.of("org.error.chainLoop", String.join(" → ", loop), at)));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    // Managers first: the manager column refers to an employee that must exist.
    List<NewEmployee> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (NewEmployee e : people) {
      addWithManagers(e, people, done, ordered);
    }
    ordered.forEach(organisation::insert);
    return people.stream().map(NewEmployee::id).toList();
  }

  private static void addWithManagers(NewEmployee e, List<NewEmployee> people, Set<String> done, List<NewEmployee> ordered) {
    if (done.contains(e.id())) {
      return;
    }
    done.add(e.id());
    if (e.managerId() != null) {
      people.stream().filter(p -> p.id().equals(e.managerId())).findFirst().ifPresent(m -> addWithManagers(m, people, done, ordered));
    }
    ordered.add(e);
  }

  private static NewEmployee toEmployee(Map<String, Object> row, String where, List<FieldError> errors) {
    if (row.containsKey("#error")) {
      errors.add(new FieldError(where.substring(0, where.length() - 1), (io.perfflow.Msg) row.get("#error")));
      return null;
    }
    for (Map.Entry<String, Object> cell : row.entrySet()) {
      if (cell.getValue() instanceof String s && s.indexOf('\0') >= 0) {
        errors.add(new FieldError(where + cell.getKey(), io.perfflow.Msg.of("org.error.nul")));
        return null;
      }
    }
    LocalDate hiredOn = null;
    String hired = text(row.get("hiredOn"));
    if (hired != null) {
      try {
        hiredOn = LocalDate.parse(hired);
      } catch (DateTimeParseException e) {
        errors.add(new FieldError(where + "hiredOn", io.perfflow.Msg.of("org.error.date", io.perfflow.Texts.excerpt(hired))));
        return null;
      }
    }
    BigDecimal basePay = null;
    String pay = text(row.get("basePay"));
    if (pay != null) {
      var parsed = io.perfflow.Numbers.parse(pay);
      if (parsed.isEmpty()) {
        errors.add(new FieldError(where + "basePay", io.perfflow.Msg.of("org.error.number", io.perfflow.Texts.excerpt(pay))));
        return null;
      }
      basePay = parsed.get();
    }
    List<String> groups = new ArrayList<>();
    Object g = row.get("groups");
    if (g instanceof List<?> list) {
      list.forEach(x -> groups.add(String.valueOf(x).strip()));
    } else if (text(g) != null) {
      for (String part : text(g).split("[;|]")) {
        if (!part.isBlank()) groups.add(part.strip());
      }
    }
    return new NewEmployee(text(row.get("id")), text(row.get("name")), text(row.get("email")), text(row.get("role")), text(row.get("team")),
        text(row.get("manager")), text(row.get("store")), hiredOn, text(row.get("level")), basePay, groups, text(row.get("password")));
  }

  private static String text(Object v) {
    if (v == null) return null;
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? null : s;
  }

  private static String field(String name) {
    String n = name.strip();
    String alias = ALIASES.get(n.toLowerCase(Locale.ROOT));
    if (alias != null) return alias;
    return FIELDS.stream().filter(f -> f.equalsIgnoreCase(n)).findFirst().orElse(null);
  }

  private List<Map<String, Object>> readJson(String body) {
    JsonNode root;
    try {
      root = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("org.error.json", e.getOriginalMessage()));
    }
    if (root == null || !root.isArray()) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("org.error.jsonArray", String.join(", ", FIELDS)));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode n : root) {
      Map<String, Object> row = new LinkedHashMap<>();
      if (!n.isObject()) {
        row.put("#error", io.perfflow.Msg.of("org.error.rowNotObject"));
      } else {
        for (var it = n.fields(); it.hasNext(); ) {
          var e = it.next();
          String f = field(e.getKey());
          if (f == null) {
            row.put("#error", io.perfflow.Msg.of("org.error.rowUnknownField", io.perfflow.Texts.excerpt(e.getKey()), String.join(", ", FIELDS)));
            break;
          }
          JsonNode v = e.getValue();
          if (f.equals("groups") && v.isArray()) {
            List<String> gs = new ArrayList<>();
            v.forEach(x -> gs.add(x.asText()));
            row.put(f, gs);
          } else if (v.isContainerNode()) {
            row.put("#error", io.perfflow.Msg.of("org.error.rowNotSingle", f));
            break;
          } else if (!v.isNull()) {
            row.put(f, v.isBigDecimal() && Math.abs((long) v.decimalValue().scale()) > 20 ? v.decimalValue().toString() : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText());
          }
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> readCsv(String body) {
    List<String> lines = (body == null ? "" : body.replace("\uFEFF", "")).lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new InvalidInputException("header", io.perfflow.Msg.of("org.error.emptyFile", String.join(",", FIELDS)));
    }
    List<String> header = io.perfflow.Csv.splitLine(lines.get(0));
    String[] fields = new String[header.size()];
    List<FieldError> problems = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      fields[i] = field(header.get(i));
      if (fields[i] == null) {
        problems.add(new FieldError("header", io.perfflow.Msg.of("org.error.unknownColumn", io.perfflow.Texts.excerpt(header.get(i)), String.join(",", FIELDS))));
      }
    }
    if (!java.util.Arrays.asList(fields).contains("id")) {
      problems.add(new FieldError("header", io.perfflow.Msg.of("org.error.noIdColumn")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = io.perfflow.Csv.splitLine(line);
      Map<String, Object> row = new LinkedHashMap<>();
      if (cells.size() != fields.length) {
        row.put("#error", io.perfflow.Msg.of("org.error.rowCells", cells.size(), fields.length));
      } else {
        for (int i = 0; i < fields.length; i++) {
          row.put(fields[i], cells.get(i));
        }
      }
      rows.add(row);
    }
    return rows;
  }
}
