package io.perfflow.promotion;

/** Where a promotion stands. Terminal: APPLIED, REJECTED (by an approver), DECLINED (HR's exception). */
public enum PromotionStatus {
  NOMINATED,
  HR_EXCEPTION,
  APPROVAL,
  FINALISATION,
  SCHEDULED,
  APPLIED,
  REJECTED,
  DECLINED;

  public boolean isClosed() {
    return this == APPLIED || this == REJECTED || this == DECLINED;
  }
}
