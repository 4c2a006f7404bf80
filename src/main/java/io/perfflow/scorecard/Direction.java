package io.perfflow.scorecard;

public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER
}
