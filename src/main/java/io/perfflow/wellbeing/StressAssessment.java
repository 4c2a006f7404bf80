package io.perfflow.wellbeing;

import java.time.LocalDate;
import java.util.List;

/** An employee's signals as of a date and the level they make. */
public record StressAssessment(String employeeId, String team, String managerId, LocalDate asOf, List<SignalReading> signals, StressLevel level) {
  public long coreFired() {
    return signals.stream().filter(s -> s.fired() && "core".equals(s.kind())).count();
  }
}
