package io.perfflow.source;

import io.perfflow.metrics.RowError;
import java.util.List;

/** A source file was refused as a whole; nothing was written. {@code complete} is false when the read stopped at the error limit. */
public class SourceImportException extends RuntimeException {
  private final List<RowError> errors;
  private final boolean complete;

  public SourceImportException(List<RowError> errors, boolean complete) {
    super(errors.size() + " error(s), first: " + (errors.isEmpty() ? "-" : errors.get(0)));
    this.errors = List.copyOf(errors);
    this.complete = complete;
  }

  public List<RowError> errors() {
    return errors;
  }

  public boolean complete() {
    return complete;
  }
}
