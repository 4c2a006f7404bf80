package io.perfflow.review;

import java.time.Instant;
import java.util.List;

public record Cycle(
    long id,
    String period,
    String status,
    List<String> roles,
    List<String> employeeIds,
    Long processInstanceKey,
    String startedBy,
    Instant startedAt,
    Instant closedAt,
    String statusReason) {
  public static final String RUNNING = "RUNNING";
  public static final String CLOSED = "CLOSED";
  public static final String INTERRUPTED = "INTERRUPTED";

  /** The cycle without the people it was scoped to: who is reviewed is HR's to see. */
  public Cycle withoutEmployeeScope() {
    return new Cycle(id, period, status, roles, null, processInstanceKey, startedBy, startedAt, closedAt, statusReason);
  }
}
