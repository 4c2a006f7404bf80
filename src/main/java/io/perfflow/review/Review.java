package io.perfflow.review;

import java.math.BigDecimal;
import java.time.Instant;

public record Review(
    long id,
    long cycleId,
    String employeeId,
    String employeeName,
    String period,
    String role,
    String team,
    String managerId,
    String profile,
    ReviewStatus status,
    Long processInstanceKey,
    BigDecimal total,
    BigDecimal adjustment,
    BigDecimal finalTotal,
    String rating,
    Integer selfRating,
    String selfComment,
    String managerComment,
    int rejectionCount,
    String statusReason,
    Instant updatedAt) {}
