package io.perfflow.wellbeing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stress-intervention case: whose, the level and signals when the scan opened it (JSON), its
 * round (1, or 2 after a RED follow-up), and how it closed.
 */
public record WellbeingCase(
    long id,
    String employeeId,
    String managerId,
    String team,
    WellbeingCaseStatus status,
    StressLevel levelAtOpening,
    LocalDate openedAsOf,
    Instant openedAt,
    String signalsAtOpening,
    Long processInstanceKey,
    int round,
    StressLevel levelAtClose,
    String signalsAtClose,
    String outcome,
    Instant closedAt) {

  public boolean isOpen() {
    return closedAt == null;
  }
}
