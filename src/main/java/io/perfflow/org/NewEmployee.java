package io.perfflow.org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What HR submits to add an employee; the password is write-only. */
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
    String password) {}
