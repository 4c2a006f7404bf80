package io.perfflow.metrics;

import java.util.List;

/** PLACEHOLDER until the metrics branch lands. */
public class MetricImportException extends RuntimeException {
  public record RowError(int row, String field, String message) {}

  private final List<RowError> errors;

  public MetricImportException(List<RowError> errors) {
    super(errors.size() + " bad rows");
    this.errors = errors;
  }

  public List<RowError> errors() {
    return errors;
  }
}
