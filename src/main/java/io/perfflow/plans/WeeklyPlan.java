package io.perfflow.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An employee's plan for an ISO week ({@code YYYY-Www}) and, once the week is over, its results. */
public record WeeklyPlan(
    long id,
    String employeeId,
    String week,
    String role,
    String profile,
    PlanStatus status,
    Instant createdAt,
    Instant laggingCheckedAt,
    Instant closedAt,
    BigDecimal averageCompletion,
    String reviewedBy,
    Instant reviewedAt,
    String reviewComment,
    List<PlanItem> items) {}
