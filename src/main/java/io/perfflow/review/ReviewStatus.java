package io.perfflow.review;

/** Where a review stands. Terminal: COMPLETED, REJECTED, INTERRUPTED (until restarted). */
public enum ReviewStatus {
  CREATED,
  BLOCKED,
  SELF_ASSESSMENT,
  MANAGER_REVIEW,
  APPROVAL,
  HR_DECISION,
  COMPLETED,
  REJECTED,
  INTERRUPTED;

  public boolean isFinished() {
    return this == COMPLETED || this == REJECTED;
  }
}
