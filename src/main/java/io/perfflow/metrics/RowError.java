package io.perfflow.metrics;

/** A rejected import row: row is 1-based over the data rows (0 = the file as a whole, e.g. its header). */
public record RowError(int row, String field, String message) {
  @Override
  public String toString() {
    return (row == 0 ? "file" : "row " + row) + " " + field + ": " + message;
  }
}
