package io.perfflow.org;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Employees, groups and who belongs where. */
@Service
public class Organisation {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
  /** employee.base_pay is numeric(12, 2). */
  static final BigDecimal MAX_BASE_PAY = new BigDecimal("1000000000");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** The password hash of an account that cannot log in (no BCrypt hash matches it). */
  static final String NO_LOGIN = "!no-password";

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;

  private final io.perfflow.CompanyTime companyTime;

  @org.springframework.beans.factory.annotation.Autowired
  public Organisation(JdbcClient jdbc, PasswordEncoder passwords, io.perfflow.CompanyTime companyTime) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.companyTime = companyTime;
  }

  public Organisation(JdbcClient jdbc, PasswordEncoder passwords) {
    this(jdbc, passwords, new io.perfflow.CompanyTime(io.perfflow.CompanyTime.DEFAULT_ZONE));
  }

  private org.springframework.beans.factory.ObjectProvider<NewEmployeePart> parts;

  /** The families' parts of a new employee (lazily: a family's part may itself read the organisation). */
  @org.springframework.beans.factory.annotation.Autowired
  void setParts(org.springframework.beans.factory.ObjectProvider<NewEmployeePart> parts) {
    this.parts = parts;
  }

  public Optional<Employee> find(String id) {
    return jdbc.sql(SELECT_EMPLOYEE + " WHERE e.id = ?").param(id).query(Organisation::employee).optional();
  }

  public Employee get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("org.error.noEmployeeId", id)));
  }

  public List<Employee> all() {
    return jdbc.sql(SELECT_EMPLOYEE + " ORDER BY e.id").query(Organisation::employee).list();
  }

  public boolean exists(String id) {
    return jdbc.sql("SELECT count(*) FROM employee WHERE id = ?").param(id).query(Long.class).single() > 0;
  }

  public Optional<Group> group(String id) {
    return jdbc.sql("SELECT id, name, head_id FROM app_group WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  public List<Group> groups() {
    return jdbc.sql("SELECT id, name, head_id FROM app_group ORDER BY id")
        .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  public List<Employee> membersOf(String groupId) {
    return jdbc.sql(SELECT_EMPLOYEE + " WHERE e.id IN (SELECT employee_id FROM group_member WHERE group_id = ?) ORDER BY e.id")
        .param(groupId)
        .query(Organisation::employee)
        .list();
  }

  public boolean isMember(String employeeId, String groupId) {
    return jdbc.sql("SELECT count(*) FROM group_member WHERE group_id = ? AND employee_id = ?")
            .params(groupId, employeeId)
            .query(Long.class)
            .single()
        > 0;
  }

  @Transactional
  public void saveGroup(Group group) {
    jdbc.sql(
            """
            INSERT INTO app_group (id, name, head_id) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, head_id = excluded.head_id""")
        .params(group.id(), group.name(), group.headId())
        .update();
  }

  /** Validates and adds an employee; every problem is reported at once, by field. */
  @Transactional
  public Employee create(NewEmployee e) {
    List<FieldError> errors = problems(e, "", this::exists, true);
    List<NewEmployeePart> families = parts == null ? List.of() : parts.orderedStream().toList();
    for (NewEmployeePart part : families) {
      errors.addAll(part.problems(e));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    insert(e);
    families.forEach(part -> part.write(e));
    return get(e.id());
  }

  /**
   * What is wrong with {@code e}, each problem's field prefixed with {@code prefix} (an import's
   * {@code "row 3."}); {@code managerKnown} says whether a manager id names someone;
   * {@code passwordRequired}: without one the account cannot log in (imports).
   */
  List<FieldError> problems(NewEmployee e, String prefix, java.util.function.Predicate<String> managerKnown, boolean passwordRequired) {
    List<FieldError> errors = new ArrayList<>() {
      @Override
      public boolean add(FieldError f) {
        return super.add(new FieldError(prefix + f.field(), f.english(), f.text()));
      }
    };
    if (e.id() == null || !ID.matcher(e.id()).matches()) {
      errors.add(new FieldError("id", io.perfflow.Msg.of("org.error.id")));
    } else if (exists(e.id())) {
      errors.add(new FieldError("id", io.perfflow.Msg.of("org.error.exists", e.id())));
    }
    if (blank(e.name())) errors.add(new FieldError("name", io.perfflow.Msg.of("errors.required")));
    if (e.email() == null || !EMAIL.matcher(e.email()).matches()) {
      errors.add(new FieldError("email", io.perfflow.Msg.of("org.error.email")));
    }
    if (blank(e.role())) errors.add(new FieldError("role", io.perfflow.Msg.of("errors.required")));
    if (blank(e.team())) errors.add(new FieldError("team", io.perfflow.Msg.of("errors.required")));
    if (e.hiredOn() == null) errors.add(new FieldError("hiredOn", io.perfflow.Msg.of("org.error.dateRequired")));
    if (blank(e.level())) errors.add(new FieldError("level", io.perfflow.Msg.of("errors.required")));
    if (e.basePay() == null || e.basePay().signum() < 0) {
      errors.add(new FieldError("basePay", io.perfflow.Msg.of("org.error.basePay")));
    } else {
      io.perfflow.Numbers.problem(e.basePay(), BigDecimal.ZERO, MAX_BASE_PAY, 2)
          .ifPresent(p -> errors.add(new FieldError("basePay", p)));
    }
    // An onboarding date may lie ahead (the person joins cycles from then on), but not decades.
    if (e.hiredOn() != null && (e.hiredOn().getYear() < 1900 || e.hiredOn().isAfter(LocalDate.now(companyTime.zone()).plusYears(1)))) {
      errors.add(new FieldError("hiredOn", io.perfflow.Msg.of("org.error.hiredOn", e.hiredOn())));
    }
    for (var text : new String[][] {{"name", e.name()}, {"email", e.email()}, {"role", e.role()}, {"team", e.team()}, {"level", e.level()}}) {
      if (text[1] != null && text[1].length() > 200) errors.add(new FieldError(text[0], io.perfflow.Msg.of("org.error.tooLong")));
    }
    if (e.managerId() != null && !managerKnown.test(e.managerId())) {
      errors.add(new FieldError("managerId", io.perfflow.Msg.of("org.error.noEmployee", e.managerId())));
    }
    if (e.storeId() != null
        && jdbc.sql("SELECT count(*) FROM store WHERE id = ?").param(e.storeId()).query(Long.class).single() == 0) {
      errors.add(new FieldError("storeId", io.perfflow.Msg.of("org.error.noStore", e.storeId())));
    }
    for (String g : e.groups() == null ? List.<String>of() : e.groups()) {
      if (group(g).isEmpty()) errors.add(new FieldError("groups", io.perfflow.Msg.of("org.error.noGroup", g)));
    }
    if (e.password() == null && !passwordRequired) {
      // no password: the account cannot log in until one is set
    } else if (e.password() == null || e.password().length() < 4) {
      errors.add(new FieldError("password", io.perfflow.Msg.of("org.error.password")));
    } else if (e.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      // BCrypt reads at most 72 bytes; longer passwords are refused rather than cut silently.
      errors.add(new FieldError("password", io.perfflow.Msg.of("org.error.passwordLong")));
    }
    return errors;
  }

  /** Inserts or refreshes an employee without validation (the demo seed). */
  @Transactional
  public void upsert(NewEmployee e) {
    upsertAll(List.of(e));
  }

  /**
   * Inserts, without validation, the employees that do not exist yet (the demo seed); returns how
   * many. Each distinct password is hashed once: the demo accounts share two passwords, and a
   * BCrypt hash costs about 0.1 s on a small machine, which the first start would otherwise spend
   * seventeen times before it reports healthy.
   */
  @Transactional
  public int upsertAll(List<NewEmployee> employees) {
    Map<String, String> hashes = new HashMap<>();
    int added = 0;
    for (NewEmployee e : employees) {
      if (exists(e.id())) {
        continue;
      }
      insert(e, e.password() == null ? NO_LOGIN : hashes.computeIfAbsent(e.password(), passwords::encode));
      added++;
    }
    return added;
  }

  void insert(NewEmployee e) {
    insert(e, e.password() == null ? NO_LOGIN : passwords.encode(e.password()));
  }

  private void insert(NewEmployee e, String passwordHash) {
    jdbc.sql(
            """
            INSERT INTO employee (id, name, email, role, team, manager_id, store_id, hired_on, level, base_pay, password_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            e.id(), e.name(), e.email(), e.role(), e.team(), e.managerId(), e.storeId(), e.hiredOn(),
            e.level(), e.basePay(), passwordHash)
        .update();
    for (String g : e.groups() == null ? List.<String>of() : e.groups()) {
      jdbc.sql("INSERT INTO group_member (group_id, employee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
          .params(g, e.id())
          .update();
    }
  }

  /**
   * What HR changes of an existing employee: a null field stays as it is; {@code managerId} ""
   * removes the manager; {@code groups} replaces the memberships.
   */
  public record EmployeeChange(String name, String email, String role, String team, String managerId, String storeId, String level,
      List<String> groups) {}

  /** Changes an employee after checking every field (manager loops refused); nothing is written when anything is wrong. */
  @Transactional
  public Employee change(String id, EmployeeChange c) {
    Employee before = get(id);
    List<FieldError> errors = new ArrayList<>();
    for (var text : new String[][] {{"name", c.name()}, {"role", c.role()}, {"team", c.team()}, {"level", c.level()}}) {
      if (text[1] != null && text[1].isBlank()) errors.add(new FieldError(text[0], io.perfflow.Msg.of("org.error.empty")));
      if (text[1] != null && text[1].length() > 200) errors.add(new FieldError(text[0], io.perfflow.Msg.of("org.error.tooLong")));
    }
    if (c.email() != null && (c.email().length() > 200 || !EMAIL.matcher(c.email()).matches())) {
      errors.add(new FieldError("email", io.perfflow.Msg.of("org.error.emailLong")));
    }
    String manager = c.managerId() == null ? before.managerId() : c.managerId().isBlank() ? null : c.managerId().strip();
    if (c.managerId() != null && manager != null) {
      Optional<Employee> m = find(manager);
      if (m.isEmpty()) {
        errors.add(new FieldError("managerId", io.perfflow.Msg.of("org.error.noEmployee", io.perfflow.Texts.excerpt(manager))));
      } else if (!m.get().active()) {
        errors.add(new FieldError("managerId", io.perfflow.Msg.of("org.error.deactivated", manager)));
      } else if (manager.equals(id)) {
        errors.add(new FieldError("managerId", io.perfflow.Msg.of("org.error.ownManager")));
      } else {
        List<String> chain = new ArrayList<>();
        for (String up = manager; up != null && chain.size() < 1000; up = find(up).map(Employee::managerId).orElse(null)) {
          chain.add(up);
          if (up.equals(id)) {
            errors.add(new FieldError("managerId", io.perfflow.Msg.of("org.error.loop", manager, id, String.join(" → ", chain))));
            break;
          }
        }
      }
    }
    String store = c.storeId() == null ? before.storeId() : c.storeId().isBlank() ? null : c.storeId().strip();
    if (c.storeId() != null && store != null
        && jdbc.sql("SELECT count(*) FROM store WHERE id = ?").param(store).query(Long.class).single() == 0) {
      errors.add(new FieldError("storeId", io.perfflow.Msg.of("org.error.noStore", io.perfflow.Texts.excerpt(store))));
    }
    List<String> groups = c.groups() == null ? null : c.groups().stream().map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
    for (String g : groups == null ? List.<String>of() : groups) {
      if (group(g).isEmpty()) errors.add(new FieldError("groups", io.perfflow.Msg.of("org.error.noGroup", io.perfflow.Texts.excerpt(g))));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    jdbc.sql("""
            UPDATE employee SET name = coalesce(:name, name), email = coalesce(:email, email), role = coalesce(:role, role),
              team = coalesce(:team, team), level = coalesce(:level, level), manager_id = :manager, store_id = :store
            WHERE id = :id""")
        .param("name", strip(c.name())).param("email", strip(c.email())).param("role", strip(c.role())).param("team", strip(c.team()))
        .param("level", strip(c.level())).param("manager", manager).param("store", store).param("id", id)
        .update();
    if (groups != null) {
      jdbc.sql("DELETE FROM group_member WHERE employee_id = ?").param(id).update();
      for (String g : groups) {
        jdbc.sql("INSERT INTO group_member (group_id, employee_id) VALUES (?, ?)").params(g, id).update();
      }
    }
    return get(id);
  }

  /**
   * Deactivates (or reactivates) an employee: a deactivated one cannot log in and is in no new
   * cycle, scan or plan; their history stays. Someone who still manages active people keeps
   * their account until those have another manager.
   */
  @Transactional
  public Employee setActive(String id, boolean active) {
    Employee e = get(id);
    if (!active) {
      List<String> reports = jdbc.sql("SELECT id FROM employee WHERE manager_id = ? AND active ORDER BY id").param(id).query(String.class).list();
      if (!reports.isEmpty()) {
        throw new io.perfflow.ConflictException(io.perfflow.Msg.of("org.error.stillManages", id, String.join(", ", reports)));
      }
    }
    if (e.active() != active) {
      jdbc.sql("UPDATE employee SET active = ? WHERE id = ?").params(active, id).update();
    }
    return get(id);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  public Optional<String> passwordHash(String id) {
    return jdbc.sql("SELECT password_hash FROM employee WHERE id = ? AND active").param(id).query(String.class).optional();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static final String SELECT_EMPLOYEE =
      """
      SELECT e.*, coalesce((SELECT array_agg(group_id ORDER BY group_id) FROM group_member m WHERE m.employee_id = e.id), '{}') AS groups
      FROM employee e""";

  private static Employee employee(ResultSet rs, int row) throws SQLException {
    return new Employee(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("email"),
        rs.getString("role"),
        rs.getString("team"),
        rs.getString("manager_id"),
        rs.getString("store_id"),
        rs.getObject("hired_on", java.time.LocalDate.class),
        rs.getString("level"),
        rs.getBigDecimal("base_pay"),
        Arrays.asList((String[]) rs.getArray("groups").getArray()),
        rs.getBoolean("active"));
  }
}
