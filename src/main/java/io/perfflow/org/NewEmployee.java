package io.perfflow.org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What HR submits to add an employee; the password is write-only. {@code track} is the career
 * track (optional; checked and written by the process family that owns ladders, through
 * {@link NewEmployeePart}).
 */
public record NewEmployee(
    String id,
    String name,
    String email,
    String role,
    String team,
    String managerId,
    String storeId,
    LocalDate hiredOn,
    String level,
    BigDecimal basePay,
    List<String> groups,
    String password,
    String track) {

  /** Without a career track (imports, the demo seed). */
  public NewEmployee(String id, String name, String email, String role, String team, String managerId, String storeId,
      LocalDate hiredOn, String level, BigDecimal basePay, List<String> groups, String password) {
    this(id, name, email, role, team, managerId, storeId, hiredOn, level, basePay, groups, password, null);
  }
}
