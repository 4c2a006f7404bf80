package io.perfflow.plans;

/** Where a weekly plan is: written, waiting for the lead's weekly review, reviewed. */
public enum PlanStatus {
  OPEN,
  AWAITING_REVIEW,
  ACCEPTED,
  NOT_ACCEPTED
}
