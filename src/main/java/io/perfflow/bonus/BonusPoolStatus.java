package io.perfflow.bonus;

/** Where a team bonus pool stands. Terminal: COMPLETED. */
public enum BonusPoolStatus {
  /** Some review of the team in the period is not finished yet. */
  WAITING_FOR_REVIEWS,
  /** Allocated; the team lead may move part of the pool between members. */
  LEAD_ALLOCATION,
  /** The lead's allocation waits for HR's approval. */
  HR_APPROVAL,
  /** HR approved: the shares are recorded per employee and mailed. */
  COMPLETED
}
