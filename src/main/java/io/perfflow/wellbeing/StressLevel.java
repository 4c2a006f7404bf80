package io.perfflow.wellbeing;

/** An employee's stress risk (stress-risk.dmn's output). */
public enum StressLevel {
  GREEN,
  AMBER,
  RED
}
