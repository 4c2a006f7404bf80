package io.perfflow.plans;

/** What a plan item wants of its KPI's metric: more of it (conversion) or less (complaints). */
public enum PlanGoal {
  /** The target change is positive: "+2 points conversion". */
  IMPROVE,
  /** The target change is negative: "−10 % complaints". */
  REDUCE
}
