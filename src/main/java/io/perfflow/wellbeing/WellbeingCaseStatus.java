package io.perfflow.wellbeing;

/** A wellbeing case's status: open until a follow-up resolves it or it is escalated to the HR head. */
public enum WellbeingCaseStatus {
  OPEN,
  RESOLVED,
  ESCALATED
}
