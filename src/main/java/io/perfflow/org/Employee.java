package io.perfflow.org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record Employee(
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
    boolean active) {}
