package io.perfflow.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record Promotion(
    long id,
    String employeeId,
    String employeeName,
    String track,
    String fromLevel,
    String toLevel,
    String nominatedBy,
    String justification,
    PromotionStatus status,
    Instant nominatedAt,
    Long processInstanceKey,
    Boolean eligible,
    String criteriaSnapshot,
    String exceptionDecision,
    String exceptionReason,
    String exceptionBy,
    BigDecimal oldBasePay,
    BigDecimal proposedBasePay,
    BigDecimal payIncreasePercent,
    BigDecimal allowancePercent,
    LocalDate effectiveOn,
    BigDecimal newBasePay,
    String finalisedBy,
    Instant appliedAt,
    String rejectedBy,
    String rejectionReason,
    Instant closedAt) {}
