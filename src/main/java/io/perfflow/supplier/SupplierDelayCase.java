package io.perfflow.supplier;

import java.time.Instant;
import java.time.LocalDate;

/** One supplier-delay case: a late purchase order, who must act, and what happened. */
public record SupplierDelayCase(
    long id,
    String orderId,
    String buyerId,
    String supplierId,
    LocalDate promisedOn,
    int daysLate,
    Instant detectedAt,
    SupplierDelayStatus status,
    int level,
    int maxLevel,
    Instant managersNotifiedAt,
    Long processInstanceKey,
    String action,
    String actionComment,
    LocalDate newPromisedOn,
    String resolvedBy,
    Instant resolvedAt,
    Integer resolvedAtLevel,
    int reopenCount,
    Instant closedAt,
    String outcome) {

  public boolean isOpen() {
    return closedAt == null;
  }

  /**
   * Hours from detection to the resolution (the buyer's, or a manager's after escalation), or to
   * {@code until} while unresolved (to the closing when the goods arrived before any action).
   */
  public double responseHours(Instant until) {
    Instant end = resolvedAt != null ? resolvedAt : closedAt != null ? closedAt : until;
    return Math.round((end.toEpochMilli() - detectedAt.toEpochMilli()) / 36_000.0) / 100.0;
  }
}
