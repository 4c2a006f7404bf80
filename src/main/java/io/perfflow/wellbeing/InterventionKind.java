package io.perfflow.wellbeing;

/** What HR may choose at an interview (the form's {@code interventions}); who does the step. */
public enum InterventionKind {
  /** The manager moves work; the target weekly hours come from the interview. */
  REBALANCE_WORKLOAD(true),
  /** hr enrols the employee in the course named at the interview. */
  TARGETED_TRAINING(false),
  /** hr books counselling. */
  COUNSELLING(false),
  /** The manager agrees flexible working hours. */
  FLEXIBLE_HOURS(true),
  /** hr does what the interview's text says. */
  OTHER(false);

  private final boolean manager;

  InterventionKind(boolean manager) {
    this.manager = manager;
  }

  /** Whether the employee's manager does this step (else hr). */
  public boolean byManager() {
    return manager;
  }
}
