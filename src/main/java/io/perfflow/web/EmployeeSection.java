package io.perfflow.web;

import java.util.List;
import java.util.Optional;

/**
 * A section a process family shows on the pages about an employee ("My performance" and the
 * employee's review page), for the viewers it chooses, contributed as a bean: the
 * customer-service recognitions, say. {@code template} is a template of the family's with a
 * fragment {@code section(value)}.
 */
public interface EmployeeSection {
  record Shown(String template, Object value) {}

  /** What to show {@code viewer} about {@code employeeId}, or empty (nothing, or not for them). */
  Optional<Shown> sectionFor(String employeeId, String viewer);

  static List<Shown> all(List<EmployeeSection> sections, String employeeId, String viewer) {
    return sections.stream().map(s -> s.sectionFor(employeeId, viewer)).flatMap(Optional::stream).toList();
  }
}
