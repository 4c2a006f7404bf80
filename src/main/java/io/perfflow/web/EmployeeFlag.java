package io.perfflow.web;

import java.util.Optional;

/**
 * A short flag a process family shows on pages about an employee (e.g. a review), for the
 * viewers it chooses, contributed as a bean: "wellbeing case open" for HR. A flag names a state,
 * never a reason or details; a page shows every flag whose family answers for that viewer.
 */
public interface EmployeeFlag {
  /** The flag's text for {@code viewer} looking at {@code employeeId}'s page, or empty. */
  Optional<String> flagFor(String employeeId, String viewer);

  /** The texts of all {@code flags} that answer for this viewer and employee. */
  static java.util.List<String> all(java.util.List<EmployeeFlag> flags, String employeeId, String viewer) {
    return flags.stream().map(f -> f.flagFor(employeeId, viewer)).flatMap(Optional::stream).toList();
  }
}
