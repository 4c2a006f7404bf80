package io.perfflow.review;

/** A KPI has no value for an employee and period: never scored as zero, always reported. */
public class MissingMetricException extends RuntimeException {
  public MissingMetricException(String message) {
    super(message);
  }
}
