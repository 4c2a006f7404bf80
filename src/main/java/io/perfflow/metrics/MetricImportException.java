package io.perfflow.metrics;

import java.util.List;
import java.util.stream.Collectors;

/** An import was rejected as a whole; nothing was written. */
public class MetricImportException extends RuntimeException {
  private static final int ERRORS_IN_MESSAGE = 10;

  private final List<RowError> errors;

  public MetricImportException(List<RowError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public List<RowError> errors() {
    return errors;
  }

  private static String summary(List<RowError> errors) {
    String shown = errors.stream().limit(ERRORS_IN_MESSAGE).map(RowError::toString).collect(Collectors.joining("; "));
    String more = errors.size() > ERRORS_IN_MESSAGE ? "; and " + (errors.size() - ERRORS_IN_MESSAGE) + " more" : "";
    return "Metric import rejected, nothing imported (" + errors.size() + " error(s)): " + shown + more;
  }
}
